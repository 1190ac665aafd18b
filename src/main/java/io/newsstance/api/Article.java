package io.newsstance.api;

import java.util.Objects;

/**
 * One news article. Only {@code text} is required; the title is kept apart from the body and is not scored
 * unless a reader put it into the text (the .txt reader keeps it, since it is part of the file's text).
 *
 * @param id     a stable identifier (file name, record id or generated from the source position)
 * @param title  the headline, or empty
 * @param text   the text to analyse; every offset newsstance reports points into it
 * @param date   publication date as given (ISO yyyy-mm-dd preferred), or empty
 * @param source publisher or feed name, or empty
 * @param url    address of the article, or empty
 */
public record Article(String id, String title, String text, String date, String source, String url) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        date = date == null ? "" : date;
        source = source == null ? "" : source;
        url = url == null ? "" : url;
    }

    /** An article with only an id and its text (no title, date, source or URL). */
    public static Article of(String id, String text) {
        return new Article(id, "", text, "", "", "");
    }
}
