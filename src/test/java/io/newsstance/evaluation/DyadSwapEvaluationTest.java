package io.newsstance.evaluation;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.Polarity;
import io.newsstance.api.Span;
import io.newsstance.data.ActorSwap;
import io.newsstance.data.DyadExample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dyad swap check with the real actor dictionary: spans follow the swap; a name-reader is caught. */
class DyadSwapEvaluationTest {

    private static final String S = "Seoul condemned Pyongyang's missile launch on Friday.";

    private static List<DyadExample> dyads() {
        Span seoul = new Span(0, 5);
        Span pyongyang = new Span(16, 25);
        return List.of(
                new DyadExample("d1", "s1", S, seoul, pyongyang, "SOUTH_KOREA", "DPRK", Polarity.NEGATIVE, "test", "x:2"),
                new DyadExample("d2", "s1", S, pyongyang, seoul, "DPRK", "SOUTH_KOREA", Polarity.NEUTRAL, "test", "x:3"));
    }

    @Test
    void swapsMoveTheOtherEndAndAHeadThatReadsTheVerbIsConsistent() {
        List<DyadExample> seen = new ArrayList<>();
        DyadSwapEvaluation e = DyadSwapEvaluation.of(dyads(), new ActorSwap(ActorDictionary.loadDefault()), 42, ds -> {
            seen.addAll(ds);
            // reads the sentence: the one before "condemned" condemns the one after it
            return ds.stream().map(d -> d.source().start() < d.sentence().indexOf(" condemned")
                    && d.target().start() > d.sentence().indexOf(" condemned") ? Polarity.NEGATIVE : Polarity.NEUTRAL)
                    .toList();
        });
        assertEquals(4, e.swapped().n(), "each dyad once with its source swapped, once with its target");
        assertEquals(0, e.unswappable());
        assertEquals(1.0, e.consistency(), 1e-9);
        for (DyadExample d : seen.subList(4, 8)) {
            String source = d.source().of(d.sentence());
            String target = d.target().of(d.sentence());
            assertTrue(d.sentence().contains(" condemned "), d.sentence());
            assertTrue(source.equals("Seoul") || source.equals("Pyongyang") || target.equals("Seoul")
                    || target.equals("Pyongyang"), "one end keeps its text: " + d.sentence());
            assertNotEquals(d.sourceActor(), d.targetActor());
            assertTrue(!d.sentence().equals(S));
        }
    }

    @Test
    void aHeadThatJudgesTheNameIsCaught() {
        DyadSwapEvaluation e = DyadSwapEvaluation.of(dyads(), new ActorSwap(ActorDictionary.loadDefault()), 42,
                ds -> ds.stream().map(d -> d.target().of(d.sentence()).equals("Pyongyang") ? Polarity.NEGATIVE
                        : Polarity.NEUTRAL).toList());
        assertTrue(e.consistency() < 1.0, "swapping Pyongyang away changes this head's label: " + e.consistency());
        assertTrue(e.swapped().macroF1() < e.swappable().macroF1(), "and it scores worse once the name is gone");
    }
}
