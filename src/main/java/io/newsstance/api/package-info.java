/**
 * The embedded API's values: {@link io.newsstance.api.Article} in; {@link io.newsstance.api.ArticleResult}, {@link io.newsstance.api.SentenceResult}, {@link io.newsstance.api.MentionResult}, {@link io.newsstance.api.ActorSummary} and {@link io.newsstance.api.Prediction} out; {@link io.newsstance.api.Span} for every character offset (end-exclusive, into the original text); {@link io.newsstance.api.BadInputException} for input that cannot be used. This package imports no other newsstance package.
 */
package io.newsstance.api;
