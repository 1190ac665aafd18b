package io.newsstance.input;

import io.newsstance.api.Article;

/**
 * What a reader yields for each input record: an article, or the reason it could not be read. Readers never
 * drop a record silently, so "read = scored + rejected" can always be checked.
 */
public sealed interface ArticleRecord {

    /** Where the record came from: "file", "file:line" or "-:line" for standard input. */
    String location();

    record Read(Article article, String location) implements ArticleRecord {
    }

    record Rejected(String location, String reason) implements ArticleRecord {
    }
}
