package io.newsstance.scoring;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.DyadResult;
import io.newsstance.api.DyadSummary;
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

/** The per-pair roll-up: ordered pairs kept apart, counts, evidence and the interval over articles. */
class DyadAggregatorTest {

    private static final String TEXT = "Russia backs North Korea against the United States.";

    private static Prediction p(double score) {
        double pos = Math.max(0, score);
        double neg = Math.max(0, -score);
        return new Prediction(score < -0.1 ? Polarity.NEGATIVE : score > 0.1 ? Polarity.POSITIVE : Polarity.NEUTRAL,
                neg, 1 - pos - neg, pos);
    }

    /** One sentence: RUSSIA→DPRK with {@code backs}, DPRK→RUSSIA neutral, RUSSIA→USA with {@code against}. */
    private static SentenceResult sentence(int index, double backs, double against) {
        Span russia = new Span(0, 6);
        Span dprk = new Span(13, 24);
        Span usa = new Span(37, 50);
        return new SentenceResult(index, new Span(0, TEXT.length()), TEXT, Optional.empty(), List.of(), List.of(
                new DyadResult("RUSSIA", "DPRK", russia, dprk, "Russia", "North Korea", p(backs)),
                new DyadResult("DPRK", "RUSSIA", dprk, russia, "North Korea", "Russia", p(0)),
                new DyadResult("RUSSIA", "USA", russia, usa, "Russia", "United States", p(against))));
    }

    private static DyadSummary pair(List<DyadSummary> all, String a, String b) {
        return all.stream().filter(d -> d.source().equals(a) && d.target().equals(b)).findFirst().orElseThrow();
    }

    @Test
    void orderedPairsAreSummarisedApartWithEvidence() {
        DyadAggregator a = new DyadAggregator(ActorDictionary.loadDefault());
        a.add("a1", sentence(0, 0.8, -0.6));
        a.add("a1", sentence(1, 0.4, -0.2));
        a.add("a2", sentence(0, 0.6, 0.0));
        List<DyadSummary> all = a.summaries();
        assertEquals(3, all.size());
        DyadSummary backs = pair(all, "RUSSIA", "DPRK");
        assertEquals(3, backs.mentions());
        assertEquals(2, backs.articles());
        assertEquals(3, backs.positive());
        assertEquals((0.8 + 0.4 + 0.6) / 3, backs.meanScore(), 1e-9);
        assertEquals("Russia", backs.sourceName());
        assertEquals("North Korea", backs.targetName());
        assertFalse(backs.hasInterval(), "two articles give no interval");
        assertEquals(1, backs.mostNegative().sentenceIndex(), "the lowest RUSSIA→DPRK score is sentence 1 of a1");
        assertEquals(0.8, backs.mostPositive().score(), 1e-9);
        DyadSummary reverse = pair(all, "DPRK", "RUSSIA");
        assertEquals(3, reverse.neutral(), "the reverse pair is its own summary");
        DyadSummary against = pair(all, "RUSSIA", "USA");
        assertEquals(2, against.negative());
        assertEquals(1, against.neutral());
        assertEquals("a1", against.mostNegative().articleId());
    }

    @Test
    void threeArticlesGiveAnIntervalAroundTheMean() {
        DyadAggregator a = new DyadAggregator(ActorDictionary.loadDefault());
        a.add("a1", sentence(0, 0.8, -0.6));
        a.add("a2", sentence(0, 0.2, -0.2));
        a.add("a3", sentence(0, 0.5, -0.4));
        DyadSummary backs = pair(a.summaries(), "RUSSIA", "DPRK");
        assertTrue(backs.hasInterval());
        assertTrue(backs.ciLow() < backs.meanScore() && backs.meanScore() < backs.ciHigh());
        assertTrue(backs.ciHigh() <= 1 && backs.ciLow() >= -1);
    }
}
