package io.newsstance.api;

import io.newsstance.api.Article;
import io.newsstance.api.Prediction;

import java.util.List;
import java.util.Optional;

/**
 * A scored article: its sentences with their mentions, the article's overall sentiment (the mean of its
 * sentences' sentiment probabilities), one summary per actor, most mentioned first, and one per ordered pair of
 * actors (A→B: how A treats B; empty if the model has no dyad head), most frequent first.
 */
public record ArticleResult(Article article, List<SentenceResult> sentences, Optional<Prediction> sentiment,
                            List<ActorSummary> actors, List<DyadSummary> dyads) {

    /** An article without dyads. */
    public ArticleResult(Article article, List<SentenceResult> sentences, Optional<Prediction> sentiment,
                         List<ActorSummary> actors) {
        this(article, sentences, sentiment, actors, List.of());
    }
}
