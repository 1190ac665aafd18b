package io.newsstance.output;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.Prediction;

import java.util.List;

import static io.newsstance.io.Decimals.round;

/**
 * One article, its sentiment and its per-actor summaries: a row of {@code score --level article} and of Spark's
 * {@code articles/}. The sentiment fields are null when the model has no sentiment head.
 */
public record ArticleRow(String id, String title, String date, String source, String url, int sentences,
                         String sentiment, Double pNegative, Double pNeutral, Double pPositive, List<Actor> actors)
        implements OutputRow {

    /** An actor's summary inside an article row: mentions, counts per stance, mean score and its interval. */
    public record Actor(String actor, String name, int mentions, int negative, int neutral, int positive,
                        double meanScore, double ciLow, double ciHigh) implements OutputRow {

        /** The summary {@code a}, scores rounded. */
        public static Actor of(ActorSummary a) {
            return new Actor(a.actor(), a.name(), a.mentions(), a.negative(), a.neutral(), a.positive(),
                    round(a.meanScore()), round(a.ciLow()), round(a.ciHigh()));
        }
    }

    /** The row of {@code result}; probabilities rounded. */
    public static ArticleRow of(ArticleResult result) {
        Prediction p = result.sentiment().orElse(null);
        return new ArticleRow(result.article().id(), result.article().title(), result.article().date(),
                result.article().source(), result.article().url(), result.sentences().size(),
                p == null ? null : p.label().label(), p == null ? null : round(p.pNegative()),
                p == null ? null : round(p.pNeutral()), p == null ? null : round(p.pPositive()),
                result.actors().stream().map(Actor::of).toList());
    }
}
