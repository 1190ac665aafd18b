package io.newsstance.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstance.api.Article;
import io.newsstance.api.BadInputException;
import io.newsstance.io.CsvTable;
import io.newsstance.io.TextFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Streams the article records of one input (a file or standard input) without loading it whole: JSON Lines
 * and CSV are read record by record. Every record comes out as {@link ArticleRecord.Read} or
 * {@link ArticleRecord.Rejected}, never lost; a problem that makes the rest of the input unreadable (invalid
 * UTF-8, an unclosed CSV quote) yields one rejection for the rest, named by its line.
 */
public abstract class ArticleReader implements Iterator<ArticleRecord>, Closeable {

    static final Set<String> COLUMNS = Set.of("id", "title", "text", "date", "source", "url");
    /**
     * The longest article text read, in characters (about 150,000 words; a long feature is a tenth of that). A
     * longer record is rejected rather than scored for minutes: it is usually a whole feed or a dump in one
     * record. A .txt file over three bytes per allowed character is rejected without being read.
     */
    public static final int MAX_ARTICLE_CHARS = ArticleTextRule.MAX_ARTICLE_CHARS;
    static final ObjectMapper JSON = new ObjectMapper();

    private ArticleRecord next;
    private boolean done;

    /** Opens {@code file} in the format its extension says. */
    public static ArticleReader open(Path file) {
        ArticleFormat format = ArticleFormat.of(file).orElseThrow(() -> new BadInputException(
                file + ": unknown article format (expected .txt, .jsonl or .csv)"));
        return open(file, format);
    }

    public static ArticleReader open(Path file, ArticleFormat format) {
        if (format == ArticleFormat.TXT) {
            return new TxtFileReader(file);
        }
        try {
            return open(Files.newInputStream(file), file.toString(), format);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads a stream (e.g. standard input) named {@code name} in messages. A TXT stream is one article. */
    public static ArticleReader open(InputStream in, String name, ArticleFormat format) {
        return switch (format) {
            case JSONL -> new JsonlReader(in, name);
            case CSV -> new CsvReader(in, name);
            case TXT -> new TxtStreamReader(in, name);
        };
    }

    /** The next record, or null at the end. */
    protected abstract ArticleRecord read() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = read();
            } catch (IOException e) {
                next = new ArticleRecord.Rejected(location(), unreadable(e));
                done = true;
                return true;
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final ArticleRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ArticleRecord r = next;
        next = null;
        return r;
    }

    /** Where reading stands, for a rejection that ends the input. */
    protected abstract String location();

    static String unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "invalid UTF-8; the rest of the input is skipped";
        }
        return "cannot read the rest of the input: " + e.getMessage();
    }

    static BufferedReader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    static String tooLong(long chars, String unit) {
        return ArticleTextRule.tooLong(chars, unit);
    }

    /** Title = first non-empty line; id = the file name. */
    static ArticleRecord txtArticle(String id, String content, String location) {
        if (content.indexOf('\0') >= 0) {
            return new ArticleRecord.Rejected(location, "NUL byte: this is not a text file");
        }
        Optional<String> problem = ArticleTextRule.problem(content);
        if (problem.isPresent()) {
            return new ArticleRecord.Rejected(location, problem.get());
        }
        String title = content.strip().lines().findFirst().orElse("").strip();
        return new ArticleRecord.Read(new Article(id, title, content, "", "", ""), location);
    }

    static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
