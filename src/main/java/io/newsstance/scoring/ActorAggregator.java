package io.newsstance.scoring;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.ActorSummary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Polarity;
import io.newsstance.api.SentenceResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls mention stances up into {@link ActorSummary}s in constant memory per actor (counts, sum, sum of
 * squares, extreme evidence), so a whole corpus can be summarised while streaming.
 */
public final class ActorAggregator {

    private static final class Accumulator {
        int n;
        final int[] counts = new int[3];
        double sum;
        double sumSquares;
        ActorSummary.Evidence min;
        ActorSummary.Evidence max;
    }

    private final ActorDictionary dictionary;
    private final Map<String, Accumulator> byActor = new LinkedHashMap<>();

    public ActorAggregator(ActorDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public void add(String articleId, SentenceResult sentence) {
        for (MentionResult m : sentence.mentions()) {
            Accumulator a = byActor.computeIfAbsent(m.actor(), k -> new Accumulator());
            double score = m.stance().score();
            a.n++;
            a.counts[m.stance().label().ordinal()]++;
            a.sum += score;
            a.sumSquares += score * score;
            if (a.min == null || score < a.min.score()) {
                a.min = new ActorSummary.Evidence(articleId, sentence.index(), sentence.text(), score);
            }
            if (a.max == null || score > a.max.score()) {
                a.max = new ActorSummary.Evidence(articleId, sentence.index(), sentence.text(), score);
            }
        }
    }

    public void addAll(ArticleResult article) {
        for (SentenceResult s : article.sentences()) {
            add(article.article().id(), s);
        }
    }

    /** Summaries, most mentioned first (ties by actor id). */
    public List<ActorSummary> summaries() {
        List<ActorSummary> out = new ArrayList<>();
        byActor.forEach((actor, a) -> {
            double mean = a.sum / a.n;
            double low = -1;
            double high = 1;
            if (a.n > 1) {
                double variance = Math.max(0, (a.sumSquares - a.n * mean * mean) / (a.n - 1));
                double half = 1.96 * Math.sqrt(variance / a.n);
                low = Math.max(-1, mean - half);
                high = Math.min(1, mean + half);
            }
            String name = dictionary.actor(actor).map(x -> x.name()).orElse(actor);
            out.add(new ActorSummary(actor, name, a.n, a.counts[Polarity.NEGATIVE.ordinal()],
                    a.counts[Polarity.NEUTRAL.ordinal()], a.counts[Polarity.POSITIVE.ordinal()], mean, low, high,
                    a.min, a.max));
        });
        out.sort(Comparator.comparingInt(ActorSummary::mentions).reversed().thenComparing(ActorSummary::actor));
        return out;
    }
}
