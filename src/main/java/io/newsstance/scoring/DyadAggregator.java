package io.newsstance.scoring;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.DyadResult;
import io.newsstance.api.DyadSummary;
import io.newsstance.api.Polarity;
import io.newsstance.api.SentenceResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls dyads up into {@link DyadSummary}s per ordered pair (A, B), in constant memory per pair, with the same
 * counts, mean, evidence and interval over articles as {@link ActorAggregator} gives actors (the interval counts
 * articles, not sentences, for the reason given there).
 */
public final class DyadAggregator {

    private record Pair(String source, String target) {
    }

    private final ActorDictionary dictionary;
    private final Map<Pair, ScoreAccumulator> byPair = new LinkedHashMap<>();

    public DyadAggregator(ActorDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Adds the dyads of one sentence of article {@code articleId}; an article's sentences are added together. */
    public void add(String articleId, SentenceResult sentence) {
        for (DyadResult d : sentence.dyads()) {
            byPair.computeIfAbsent(new Pair(d.source(), d.target()), k -> new ScoreAccumulator())
                    .add(articleId, sentence, d.stance());
        }
    }

    /** Adds every sentence of {@code article}. */
    public void addAll(ArticleResult article) {
        for (SentenceResult s : article.sentences()) {
            add(article.article().id(), s);
        }
        byPair.values().forEach(ScoreAccumulator::fold);
    }

    /** Summaries, most frequent first (ties by source, then target). */
    public List<DyadSummary> summaries() {
        List<DyadSummary> out = new ArrayList<>();
        byPair.forEach((pair, a) -> {
            a.fold();
            double[] interval = a.interval();
            out.add(new DyadSummary(pair.source(), ActorAggregator.name(dictionary, pair.source()), pair.target(),
                    ActorAggregator.name(dictionary, pair.target()), a.n, a.articles,
                    a.counts[Polarity.NEGATIVE.ordinal()], a.counts[Polarity.NEUTRAL.ordinal()],
                    a.counts[Polarity.POSITIVE.ordinal()], a.mean(), interval[0], interval[1], a.min, a.max));
        });
        out.sort(Comparator.comparingInt(DyadSummary::mentions).reversed().thenComparing(DyadSummary::source)
                .thenComparing(DyadSummary::target));
        return out;
    }
}
