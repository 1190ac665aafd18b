package io.newsstance.input;

import io.newsstance.api.BadInputException;
import io.newsstance.io.TextFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One of the {@link ArticleReader}s. */
final class TxtFileReader extends ArticleReader {
    private final Path file;
    private boolean read;

    TxtFileReader(Path file) {
        this.file = file;
    }

    @Override
    protected ArticleRecord read() {
        if (read) {
            return null;
        }
        read = true;
        try {
            long size = Files.size(file);
            if (size > 3L * MAX_ARTICLE_CHARS) { // UTF-8 takes at most 3 bytes per Java char
                return new ArticleRecord.Rejected(file.toString(), tooLong(size, "bytes"));
            }
        } catch (IOException e) {
            return new ArticleRecord.Rejected(file.toString(), "cannot read: " + e.getMessage());
        }
        try {
            String content = TextFiles.readUtf8(file);
            return txtArticle(file.getFileName().toString(), content, file.toString());
        } catch (BadInputException e) {
            String m = e.getMessage();
            return new ArticleRecord.Rejected(file.toString(), m.startsWith(file.toString() + ":")
                    ? m.substring(m.indexOf(": ", file.toString().length()) + 2) : m);
        }
    }

    @Override
    protected String location() {
        return file.toString();
    }

    @Override
    public void close() {
    }
}
