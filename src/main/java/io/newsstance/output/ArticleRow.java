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

    /**
     * An actor's summary inside an article row: mentions, the articles they are in, counts per stance, mean score
     * and its interval (null with fewer than 3 articles, so always null for one article's own summary).
     */
    public record Actor(String actor, String name, int mentions, int articles, int negative, int neutral,
                        int positive, double meanScore, Double ciLow, Double ciHigh) implements OutputRow {

        /** The summary {@code a}, scores rounded. */
        public static Actor of(ActorSummary a) {
            return new Actor(a.actor(), a.name(), a.mentions(), a.articles(), a.negative(), a.neutral(),
                    a.positive(), round(a.meanScore()), a.hasInterval() ? round(a.ciLow()) : null,
                    a.hasInterval() ? round(a.ciHigh()) : null);
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
