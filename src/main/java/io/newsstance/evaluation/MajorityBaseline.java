package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.data.StanceExample;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Predicts the most frequent training label for every example. */
public record MajorityBaseline(Polarity label) implements Baseline {

    /** The majority label of {@code training} (ties broken toward neutral, then in label order). */
    public static MajorityBaseline fit(List<StanceExample> training) {
        Map<Polarity, Integer> counts = new EnumMap<>(Polarity.class);
        training.forEach(e -> counts.merge(e.stance(), 1, Integer::sum));
        Polarity best = Polarity.NEUTRAL;
        for (Polarity p : Polarity.values()) {
            if (counts.getOrDefault(p, 0) > counts.getOrDefault(best, 0)) {
                best = p;
            }
        }
        return new MajorityBaseline(best);
    }

    @Override
    public String name() {
        return "majority(" + label.label() + ")";
    }

    @Override
    public List<Polarity> predict(List<StanceExample> examples) {
        return Collections.nCopies(examples.size(), label);
    }
}
