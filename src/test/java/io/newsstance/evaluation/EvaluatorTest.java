package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.newsstance.api.Polarity.NEGATIVE;
import static io.newsstance.api.Polarity.NEUTRAL;
import static io.newsstance.api.Polarity.POSITIVE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluatorTest {

    private final Evaluator evaluator = new Evaluator();

    @Test
    void knownConfusionMatrixGivesKnownNumbers() {
        // gold rows, predicted columns: negative, neutral, positive
        int[][] confusion = {{8, 2, 0}, {1, 6, 3}, {0, 2, 8}};
        Evaluation e = evaluator.fromConfusion(confusion);
        assertEquals(30, e.n());
        assertEquals(22.0 / 30, e.accuracy(), 1e-12);
        // negative: P = 8/9, R = 8/10; neutral: P = 6/10, R = 6/10; positive: P = 8/11, R = 8/10
        double f1Neg = 2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8);
        double f1Neu = 0.6;
        double f1Pos = 2 * (8.0 / 11) * 0.8 / (8.0 / 11 + 0.8);
        assertEquals(8.0 / 9, e.perClass().get(NEGATIVE).precision(), 1e-12);
        assertEquals(0.8, e.perClass().get(POSITIVE).recall(), 1e-12);
        assertEquals(f1Neu, e.perClass().get(NEUTRAL).f1(), 1e-12);
        assertEquals((f1Neg + f1Neu + f1Pos) / 3, e.macroF1(), 1e-12);
        assertEquals(10, e.perClass().get(NEUTRAL).support());
    }

    @Test
    void labelsBecomeTheSameConfusionAndPerActorBreakdown() {
        List<Polarity> gold = List.of(NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, POSITIVE);
        List<Polarity> pred = List.of(NEGATIVE, NEUTRAL, NEUTRAL, POSITIVE, NEGATIVE);
        List<Optional<String>> actors = List.of(Optional.of("USA"), Optional.of("USA"), Optional.empty(),
                Optional.of("DPRK"), Optional.of("DPRK"));
        Evaluation e = evaluator.evaluate(gold, pred, actors);
        assertArrayEquals(new int[]{1, 1, 0}, e.confusion()[0]);
        assertArrayEquals(new int[]{1, 0, 1}, e.confusion()[2]);
        assertEquals(0.6, e.accuracy(), 1e-12);
        assertEquals(2, e.perActor().size());
        assertEquals(0.5, e.perActor().get("USA").accuracy(), 1e-12);
        assertEquals(2, e.perActor().get("DPRK").n());
    }

    @Test
    void aClassNeverSeenNorPredictedScoresZero() {
        Evaluation e = evaluator.evaluate(List.of(NEUTRAL, NEUTRAL), List.of(NEUTRAL, NEUTRAL));
        assertEquals(1.0, e.accuracy());
        assertEquals(1.0 / 3, e.macroF1(), 1e-12);
    }
}
