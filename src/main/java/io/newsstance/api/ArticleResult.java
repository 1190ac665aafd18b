package io.newsstance.api;

import io.newsstance.api.Article;
import io.newsstance.api.Prediction;

import java.util.List;
import java.util.Optional;

/**
 * A scored article: its sentences with their mentions, the article's overall sentiment (the mean of its
 * sentences' sentiment probabilities) and one summary per actor, most mentioned first.
 */
public record ArticleResult(Article article, List<SentenceResult> sentences, Optional<Prediction> sentiment,
                            List<ActorSummary> actors) {
}
