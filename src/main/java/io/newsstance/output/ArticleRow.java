package io.newsstance.output;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.DyadSummary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.Prediction;

import java.util.List;

import static io.newsstance.io.Decimals.round;

/**
 * One article, its sentiment, its per-actor summaries and its dyad table (A→B): a row of {@code score --level article} and of Spark's
 * {@code articles/}. The sentiment fields are null when the model has no sentiment head.
 */
public record ArticleRow(String id, String title, String date, String source, String url, int sentences,
                         String sentiment, Double pNegative, Double pNeutral, Double pPositive, List<Actor> actors,
                         List<Dyad> dyads) implements OutputRow {

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

    /**
     * How A treats B inside an article row: sentences with the pair, articles, counts per stance, mean score, its
     * interval (null with fewer than 3 articles) and the most negative and most positive sentence (index, text,
     * score; the sentence index counts in the article named by the row).
     */
    public record Dyad(String sourceActor, String sourceName, String targetActor, String targetName, int mentions,
                       int articles, int negative, int neutral, int positive, double meanScore, Double ciLow,
                       Double ciHigh, int mostNegativeSentence, String mostNegativeText, double mostNegativeScore,
                       int mostPositiveSentence, String mostPositiveText, double mostPositiveScore)
            implements OutputRow {

        /** The summary {@code d}, scores rounded. */
        public static Dyad of(DyadSummary d) {
            return new Dyad(d.source(), d.sourceName(), d.target(), d.targetName(), d.mentions(), d.articles(),
                    d.negative(), d.neutral(), d.positive(), round(d.meanScore()),
                    d.hasInterval() ? round(d.ciLow()) : null, d.hasInterval() ? round(d.ciHigh()) : null,
                    d.mostNegative().sentenceIndex(), d.mostNegative().sentence(), round(d.mostNegative().score()),
                    d.mostPositive().sentenceIndex(), d.mostPositive().sentence(), round(d.mostPositive().score()));
        }
    }

    /** The row of {@code result}; probabilities rounded. */
    public static ArticleRow of(ArticleResult result) {
        Prediction p = result.sentiment().orElse(null);
        return new ArticleRow(result.article().id(), result.article().title(), result.article().date(),
                result.article().source(), result.article().url(), result.sentences().size(),
                p == null ? null : p.label().label(), p == null ? null : round(p.pNegative()),
                p == null ? null : round(p.pNeutral()), p == null ? null : round(p.pPositive()),
                result.actors().stream().map(Actor::of).toList(), result.dyads().stream().map(Dyad::of).toList());
    }
}
