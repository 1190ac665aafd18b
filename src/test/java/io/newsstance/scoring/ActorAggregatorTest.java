package io.newsstance.scoring;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.ActorSummary;
import io.newsstance.api.AliasKind;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Polarity;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;
import io.newsstance.api.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-actor roll-up and its interval over articles. */
class ActorAggregatorTest {

    private static final ActorDictionary DICTIONARY = ActorDictionary.loadDefault();

    /** A sentence with one DPRK mention whose score (P(pos) − P(neg)) is {@code score}. */
    private static SentenceResult sentence(int index, double score) {
        double pos = Math.max(0, score);
        double neg = Math.max(0, -score);
        Prediction p = new Prediction(score < 0 ? Polarity.NEGATIVE : Polarity.POSITIVE, neg, 1 - pos - neg, pos);
        MentionResult m = new MentionResult("DPRK", new Span(0, 11), "North Korea", AliasKind.NAME, p);
        return new SentenceResult(index, new Span(0, 20), "North Korea said so.", Optional.empty(), List.of(m));
    }

    private static ActorSummary dprk(ActorAggregator a) {
        return a.summaries().stream().filter(s -> s.actor().equals("DPRK")).findFirst().orElseThrow();
    }

    @Test
    void fewerThanThreeArticlesGiveNoIntervalHoweverManyMentions() {
        ActorAggregator a = new ActorAggregator(DICTIONARY);
        for (int i = 0; i < 20; i++) {
            a.add("one", sentence(i, 0.05 + 0.001 * i));
        }
        a.add("two", sentence(0, 0.06));
        ActorSummary s = dprk(a);
        assertEquals(21, s.mentions());
        assertEquals(2, s.articles());
        assertFalse(s.hasInterval(), "21 mentions in 2 articles are not 21 independent pieces of evidence");
    }

    @Test
    void theIntervalIsTheClusterRobustTIntervalOverArticles() {
        // Article sums 1.0, -0.5, 0.6 over 2, 1, 3 mentions: mean 1.1/6; SE² = 3/2 · Σ(Sⱼ − nⱼ·ȳ)² / 6²;
        // t(0.975, 2) = 4.302653 (worked by hand).
        ActorAggregator a = new ActorAggregator(DICTIONARY);
        a.add("A", sentence(0, 0.5));
        a.add("A", sentence(1, 0.5));
        a.add("B", sentence(0, -0.5));
        a.add("C", sentence(0, 0.2));
        a.add("C", sentence(1, 0.2));
        a.add("C", sentence(2, 0.2));
        ActorSummary s = dprk(a);
        double mean = 1.1 / 6;
        double squares = Math.pow(1.0 - 2 * mean, 2) + Math.pow(-0.5 - mean, 2) + Math.pow(0.6 - 3 * mean, 2);
        double se = Math.sqrt(1.5 * squares) / 6;
        assertEquals(3, s.articles());
        assertEquals(mean, s.meanScore(), 1e-12);
        assertEquals(mean - 4.302653 * se, s.ciLow(), 1e-5);
        assertEquals(1.0, s.ciHigh(), "clipped to the score's range");
    }

    @Test
    void clusteredMentionsWidenTheIntervalAgainstTheNaiveOne() {
        // Ten articles, each with five identical mentions: the naive interval over 50 mentions would be about
        // √5 times narrower than the one over the 10 articles.
        ActorAggregator a = new ActorAggregator(DICTIONARY);
        for (int art = 0; art < 10; art++) {
            double score = art % 2 == 0 ? 0.6 : -0.2;
            for (int i = 0; i < 5; i++) {
                a.add("article-" + art, sentence(i, score));
            }
        }
        ActorSummary s = dprk(a);
        double naiveHalf = 1.96 * 0.4 / Math.sqrt(50);   // sd of the 50 scores is 0.4
        double half = (s.ciHigh() - s.ciLow()) / 2;
        assertEquals(0.2, s.meanScore(), 1e-12);
        assertTrue(half > 2 * naiveHalf, "interval half-width " + half + " vs naive " + naiveHalf);
    }
}
