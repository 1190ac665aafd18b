package io.newsstance.api;

import io.newsstance.api.Prediction;
import io.newsstance.api.Span;

/**
 * One actor mention with the stance of its sentence toward that actor.
 *
 * @param actor     actor id
 * @param span      character offsets into the article text, end-exclusive
 * @param text      the surface text
 * @param aliasKind how the surface text refers to the actor
 * @param stance    label and probabilities; {@code stance.score()} is P(positive) − P(negative)
 */
public record MentionResult(String actor, Span span, String text, AliasKind aliasKind, Prediction stance) {
}
