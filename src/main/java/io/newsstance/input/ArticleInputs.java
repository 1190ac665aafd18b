package io.newsstance.input;

import io.newsstance.api.BadInputException;
import io.newsstance.input.ArticleFormat;
import io.newsstance.input.ArticleReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The article records of many inputs, in order: files (.txt, .jsonl, .csv), directories (walked recursively,
 * in name order, hidden files skipped) and "-" for standard input. Files are opened one at a time, so memory
 * does not grow with the number of inputs. A path that does not exist or has an unknown extension becomes one
 * {@link ArticleRecord.Rejected}, so it is counted, not lost.
 */
public final class ArticleInputs implements Iterator<ArticleRecord>, AutoCloseable {

    private final Deque<String> pending;
    private final InputStream stdin;
    private final ArticleFormat stdinFormat;
    private ArticleReader current;
    private ArticleRecord queued;

    public ArticleInputs(List<String> inputs, InputStream stdin, ArticleFormat stdinFormat) {
        this.pending = new ArrayDeque<>(inputs);
        this.stdin = stdin;
        this.stdinFormat = stdinFormat;
    }

    @Override
    public boolean hasNext() {
        while (queued == null) {
            if (current != null && current.hasNext()) {
                queued = current.next();
                break;
            }
            closeCurrent();
            if (pending.isEmpty()) {
                return false;
            }
            queued = openNext(pending.poll());
        }
        return true;
    }

    @Override
    public ArticleRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ArticleRecord r = queued;
        queued = null;
        return r;
    }

    /** Opens the input; returns a rejection to emit instead, or null when {@link #current} now reads it. */
    private ArticleRecord openNext(String input) {
        if (input.equals("-")) {
            current = ArticleReader.open(stdin, "-", stdinFormat);
            return null;
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            List<String> children = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .map(Path::toString).sorted().forEach(children::add);
            } catch (IOException | UncheckedIOException e) {
                return new ArticleRecord.Rejected(input, "cannot list directory: " + e.getMessage());
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
            return null;
        }
        if (!Files.exists(path)) {
            return new ArticleRecord.Rejected(input, "no such file or directory");
        }
        if (ArticleFormat.of(path).isEmpty()) {
            return new ArticleRecord.Rejected(input, "unknown article format (expected .txt, .jsonl or .csv)");
        }
        try {
            current = ArticleReader.open(path);
        } catch (BadInputException e) {
            return new ArticleRecord.Rejected(input, e.getMessage());
        }
        return null;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // reading is over; a failed close loses nothing
            }
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
