package io.newsstance.actors;

import io.newsstance.api.AliasKind;
import io.newsstance.api.Span;

/**
 * An actor mentioned in a text.
 *
 * @param actorId   the actor
 * @param span      character offsets into the article text, end-exclusive
 * @param text      the surface text, {@code span.of(articleText)}
 * @param aliasKind how the surface text refers to the actor
 */
public record Mention(String actorId, Span span, String text, AliasKind aliasKind) {
}
