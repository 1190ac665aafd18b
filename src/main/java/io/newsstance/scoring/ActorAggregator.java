package io.newsstance.scoring;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.ActorSummary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Polarity;
import io.newsstance.api.SentenceResult;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls mention stances up into {@link ActorSummary}s in constant memory per actor, so a whole corpus can be
 * summarised while streaming: counts, the mean score, extreme evidence, and the sums over articles that the
 * interval needs.
 *
 * <p>The interval counts articles, not mentions. Mentions of an actor in one article share the article's framing
 * (measured on the sample articles: most of an actor's mentions in an article get the same label), so treating
 * them as independent makes the interval far too narrow: two mentions in one article gave "[+0.04, +0.08]". The
 * mean score is a ratio estimator over articles; its cluster-robust (sandwich) standard error is
 * {@code SE² = k/(k−1) · Σⱼ (Sⱼ − nⱼ·ȳ)² / N²} over the k articles (Sⱼ the sum and nⱼ the count of the actor's
 * scores in article j, N = Σ nⱼ), and the interval is {@code ȳ ± t(0.975, k−1)·SE}, so few articles widen it
 * through Student's t. With fewer than {@link ActorSummary#MIN_ARTICLES_FOR_INTERVAL} articles there is no
 * interval (NaN).
 */
public final class ActorAggregator {

    private final ActorDictionary dictionary;
    private final Map<String, ScoreAccumulator> byActor = new LinkedHashMap<>();

    public ActorAggregator(ActorDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * Adds the mentions of one sentence of article {@code articleId}. An article's sentences are added together
     * (one after another), as {@link #addAll} does.
     */
    public void add(String articleId, SentenceResult sentence) {
        for (MentionResult m : sentence.mentions()) {
            byActor.computeIfAbsent(m.actor(), k -> new ScoreAccumulator()).add(articleId, sentence, m.stance());
        }
    }

    /** Adds every sentence of {@code article}. */
    public void addAll(ArticleResult article) {
        for (SentenceResult s : article.sentences()) {
            add(article.article().id(), s);
        }
        byActor.values().forEach(ScoreAccumulator::fold);
    }

    /** Summaries, most mentioned first (ties by actor id). */
    public List<ActorSummary> summaries() {
        List<ActorSummary> out = new ArrayList<>();
        byActor.forEach((actor, a) -> {
            a.fold();
            double mean = a.mean();
            double[] interval = a.interval();
            out.add(new ActorSummary(actor, name(dictionary, actor), a.n, a.articles,
                    a.counts[Polarity.NEGATIVE.ordinal()], a.counts[Polarity.NEUTRAL.ordinal()],
                    a.counts[Polarity.POSITIVE.ordinal()], mean, interval[0], interval[1], a.min, a.max));
        });
        out.sort(Comparator.comparingInt(ActorSummary::mentions).reversed().thenComparing(ActorSummary::actor));
        return out;
    }

    /** The actor's display name from the dictionary, else its id. */
    static String name(ActorDictionary dictionary, String actor) {
        return dictionary.actor(actor).map(x -> x.name()).orElse(actor);
    }

    /**
     * The cluster-robust t-interval over articles (see the class comment) from per-article sums, for callers that
     * group mentions their own way (the report's days, weeks and sources): {@code k} articles, {@code n} mentions,
     * their {@code mean}, Σ Sⱼ², Σ Sⱼ·nⱼ and Σ nⱼ². NaNs with fewer than
     * {@link ActorSummary#MIN_ARTICLES_FOR_INTERVAL} articles.
     */
    public static double[] interval(int k, long n, double mean, double sumArticleSquares, double sumArticleCross,
                                    double sumArticleCounts2) {
        if (k < ActorSummary.MIN_ARTICLES_FOR_INTERVAL) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double squares = sumArticleSquares - 2 * mean * sumArticleCross + mean * mean * sumArticleCounts2;
        double se = Math.sqrt(Math.max(0, squares) * k / (k - 1.0)) / n;
        double t = new TDistribution(null, k - 1).inverseCumulativeProbability(0.975);
        return new double[]{Math.max(-1, mean - t * se), Math.min(1, mean + t * se)};
    }
}
