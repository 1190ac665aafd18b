package io.newsstance.data;

import io.newsstance.api.Polarity;
import io.newsstance.api.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevCarveTest {

    private static List<StanceExample> examples() {
        List<StanceExample> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String sentence = "Sentence number " + i + " about Seoul and Tokyo.";
            Polarity p = Polarity.values()[i % 3];
            out.add(new StanceExample("p" + i + "a", "s" + i, sentence, new Span(26, 31), Optional.empty(), "", p,
                    Optional.empty(), "", "f:" + i));
            out.add(new StanceExample("p" + i + "b", "s" + i, sentence, new Span(36, 41), Optional.empty(), "",
                    Polarity.NEUTRAL, Optional.empty(), "", "f:" + i));
        }
        return out;
    }

    @Test
    void carvesBySentenceStratifiedAndReproducibly() {
        List<StanceExample> all = examples();
        DevCarve.Split a = DevCarve.carve(all, 0.1, 7);
        assertEquals(60, a.dev().size(), "10% of 300 sentences, both targets of each");
        Set<String> devSentences = new HashSet<>();
        a.dev().forEach(e -> devSentences.add(e.sentence()));
        assertTrue(a.train().stream().noneMatch(e -> devSentences.contains(e.sentence())));
        for (Polarity p : Polarity.values()) {
            long firstLabels = a.dev().stream().filter(e -> e.id().endsWith("a") && e.stance() == p).count();
            assertEquals(10, firstLabels, "stratified by first label: " + p);
        }
        List<StanceExample> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new java.util.Random(1));
        Set<String> again = new HashSet<>();
        DevCarve.carve(shuffled, 0.1, 7).dev().forEach(e -> again.add(e.sentence()));
        assertEquals(devSentences, again, "same seed and data, any order: same carve");
        Set<String> other = new HashSet<>();
        DevCarve.carve(all, 0.1, 8).dev().forEach(e -> other.add(e.sentence()));
        assertTrue(!other.equals(devSentences), "another seed gives another carve");
    }
}
