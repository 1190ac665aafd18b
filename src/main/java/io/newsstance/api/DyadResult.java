package io.newsstance.api;

/**
 * One ordered pair of actors in a sentence with the source's stance toward the target (who backs or opposes
 * whom), read from the first mention of each actor in the sentence.
 *
 * @param source     actor id of the source (A)
 * @param target     actor id of the target (B)
 * @param sourceSpan character offsets of A's mention into the article text, end-exclusive
 * @param targetSpan character offsets of B's mention
 * @param sourceText A's surface text
 * @param targetText B's surface text
 * @param stance     A's stance toward B; {@code stance.score()} is P(positive) − P(negative)
 */
public record DyadResult(String source, String target, Span sourceSpan, Span targetSpan, String sourceText,
                         String targetText, Prediction stance) {
}
