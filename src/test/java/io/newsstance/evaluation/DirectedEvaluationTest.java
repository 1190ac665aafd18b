package io.newsstance.evaluation;

import io.newsstance.api.Prediction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Park et al.'s five classes from the two dyad predictions of a pair, and their metrics. */
class DirectedEvaluationTest {

    private static Prediction p(float neg, float neu, float pos) {
        return Prediction.of(new float[]{neg, neu, pos});
    }

    @Test
    void theLikeliestDirectionWins() {
        assertEquals(0, DirectedEvaluation.fiveClass(p(.1f, .8f, .1f), p(.1f, .8f, .1f)));
        assertEquals(1, DirectedEvaluation.fiveClass(p(.1f, .2f, .7f), p(.1f, .8f, .1f)), "p positive toward q");
        assertEquals(2, DirectedEvaluation.fiveClass(p(.1f, .8f, .1f), p(.1f, .2f, .7f)), "q positive toward p");
        assertEquals(3, DirectedEvaluation.fiveClass(p(.7f, .2f, .1f), p(.1f, .8f, .1f)), "p negative toward q");
        assertEquals(4, DirectedEvaluation.fiveClass(p(.1f, .8f, .1f), p(.7f, .2f, .1f)), "q negative toward p");
        // both directions negative: the stronger one is the call (the dataset codes one direction per pair)
        assertEquals(3, DirectedEvaluation.fiveClass(p(.9f, .1f, 0f), p(.6f, .4f, 0f)));
    }

    @Test
    void macroF1AveragesTheFiveClasses() {
        int[] gold = {0, 0, 1, 3, 4, 2};
        int[] predicted = {0, 1, 1, 3, 3, 0};
        DirectedEvaluation e = DirectedEvaluation.of(gold, predicted);
        assertEquals(6, e.n());
        assertEquals(3 / 6.0, e.accuracy(), 1e-9);
        // F1: neutral 2/3·... computed by hand: class0 p=1/2 r=1/2 -> .5; class1 p=1/2 r=1 -> 2/3; class2 0;
        // class3 p=1/2 r=1 -> 2/3; class4 0
        assertEquals((0.5 + 2 / 3.0 + 0 + 2 / 3.0 + 0) / 5, e.macroF1(), 1e-9);
        assertArrayEquals(new int[]{2, 1, 1, 1, 1}, e.support());
    }
}
