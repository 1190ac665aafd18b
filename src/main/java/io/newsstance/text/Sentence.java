package io.newsstance.text;

import io.newsstance.api.Span;

/**
 * A sentence of an article: its position in the article's sentence list and its span into the article text.
 *
 * @param index 0-based position among the article's sentences
 * @param span  character offsets into the article text, end-exclusive
 * @param text  the covered text, {@code span.of(articleText)}
 */
public record Sentence(int index, Span span, String text) {
}
