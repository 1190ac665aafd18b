package io.newsstance.input;

import io.newsstance.api.BadInputException;
import io.newsstance.io.TextFiles;

import java.io.IOException;
import java.io.InputStream;

/** One of the {@link ArticleReader}s. */
final class TxtStreamReader extends ArticleReader {
    private final InputStream in;
    private final String name;
    private boolean read;

    TxtStreamReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    protected ArticleRecord read() throws IOException {
        if (read) {
            return null;
        }
        read = true;
        byte[] bytes = in.readNBytes(3 * MAX_ARTICLE_CHARS + 1);
        if (bytes.length > 3 * MAX_ARTICLE_CHARS) {
            return new ArticleRecord.Rejected(name, tooLong(bytes.length, "bytes or more"));
        }
        try {
            return txtArticle(name, TextFiles.decodeUtf8(bytes, name), name);
        } catch (BadInputException e) {
            return new ArticleRecord.Rejected(name, e.getMessage());
        }
    }

    @Override
    protected String location() {
        return name;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
