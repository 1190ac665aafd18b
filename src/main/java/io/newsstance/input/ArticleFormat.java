package io.newsstance.input;

import io.newsstance.api.Article;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Article file formats, recognised by extension. */
public enum ArticleFormat {
    /** One article per file; the first non-empty line is the title and the whole file is the text. */
    TXT,
    /** One JSON object per line with fields id, title, text, date, source, url (only text required). */
    JSONL,
    /** RFC 4180 CSV with a header naming some of id,title,text,date,source,url (text required). */
    CSV;

    /** The format named on the command line ("txt", "jsonl", "csv", any case). */
    public static Optional<ArticleFormat> named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "txt" -> Optional.of(TXT);
            case "jsonl" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    public static Optional<ArticleFormat> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return Optional.of(TXT);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
