package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.data.ActorSwap;
import io.newsstance.data.StanceExample;
import io.newsstance.io.Decimals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How much a predictor leans on actor names: every pair scored as written and again with its target replaced by
 * an uninvolved actor of the same kind ({@link ActorSwap#swapEach}). A model that reads the sentence gives the
 * same label both times; one that learned "North Korea is negative" does not.
 *
 * @param asWritten    all pairs, as written
 * @param swappable    the pairs that have a swap, as written (the fair comparison for {@code swapped})
 * @param swapped      the same pairs with their target swapped, gold labels kept
 * @param unswappable  pairs without a known actor or without a same-kind replacement, left out of the swap
 * @param consistency  share of swappable pairs whose predicted label did not change
 */
public record SwapEvaluation(Evaluation asWritten, Evaluation swappable, Evaluation swapped, int unswappable,
                             double consistency) {

    /** Runs {@code predictor} on the examples and on their swaps (one call each, so batching stays possible). */
    public static SwapEvaluation of(List<StanceExample> examples, ActorSwap swap, long seed,
                                    Function<List<StanceExample>, List<Polarity>> predictor) {
        List<Optional<StanceExample>> swaps = swap.swapEach(examples, seed);
        List<StanceExample> originals = new ArrayList<>();
        List<StanceExample> swappedExamples = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (swaps.get(i).isPresent()) {
                originals.add(examples.get(i));
                swappedExamples.add(swaps.get(i).get());
            }
        }
        List<Polarity> all = predictor.apply(examples);
        List<Polarity> before = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (swaps.get(i).isPresent()) {
                before.add(all.get(i));
            }
        }
        List<Polarity> after = swappedExamples.isEmpty() ? List.of() : predictor.apply(swappedExamples);
        int same = 0;
        for (int i = 0; i < before.size(); i++) {
            same += before.get(i) == after.get(i) ? 1 : 0;
        }
        Evaluator evaluator = new Evaluator();
        return new SwapEvaluation(
                evaluator.evaluate(labels(examples), all, examples.stream().map(StanceExample::actor).toList()),
                evaluator.evaluate(labels(originals), before),
                evaluator.evaluate(labels(swappedExamples), after),
                examples.size() - originals.size(),
                before.isEmpty() ? Double.NaN : (double) same / before.size());
    }

    /** The JSON shape under "swap" in {@code eval --swap --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("swapped_pairs", swapped.n());
        m.put("unswappable_pairs", unswappable);
        m.put("consistency", Double.isNaN(consistency) ? null : Decimals.round(consistency));
        m.put("as_written_on_swappable", swappable.toJson());
        m.put("swapped", swapped.toJson());
        return m;
    }

    private static List<Polarity> labels(List<StanceExample> examples) {
        return examples.stream().map(StanceExample::stance).toList();
    }
}
