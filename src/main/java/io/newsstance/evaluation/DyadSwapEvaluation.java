package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.api.Span;
import io.newsstance.data.ActorSwap;
import io.newsstance.data.DyadExample;
import io.newsstance.data.StanceExample;
import io.newsstance.io.Decimals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How much the dyad head leans on actor names: each labelled dyad scored as written and again with one end, then
 * the other, replaced by an uninvolved actor of the same kind ({@link ActorSwap#swapEach}, the replacement rules
 * of the stance swap check), the other end's offsets moved by the length difference. A head that reads who does
 * what to whom gives the same label; one that learned "anything toward North Korea is negative" does not.
 *
 * @param swappable   the dyads of the swaps, as written (once per swap)
 * @param swapped     the same dyads with one end swapped, gold labels kept
 * @param unswappable ends without a known actor or without a same-kind replacement, left out
 * @param consistency share of swaps whose predicted label did not change
 */
public record DyadSwapEvaluation(Evaluation swappable, Evaluation swapped, int unswappable, double consistency) {

    public static DyadSwapEvaluation of(List<DyadExample> dyads, ActorSwap swap, long seed,
                                        Function<List<DyadExample>, List<Polarity>> predictor) {
        // The ends of every dyad as stance pairs (one per distinct mention of a sentence), for ActorSwap.
        Map<String, Integer> endIndex = new LinkedHashMap<>();
        List<StanceExample> ends = new ArrayList<>();
        for (DyadExample d : dyads) {
            end(d, d.source(), d.sourceActor(), endIndex, ends);
            end(d, d.target(), d.targetActor(), endIndex, ends);
        }
        List<Optional<StanceExample>> swaps = swap.swapEach(ends, seed);
        List<DyadExample> before = new ArrayList<>();
        List<DyadExample> after = new ArrayList<>();
        int unswappable = 0;
        for (DyadExample d : dyads) {
            for (boolean sourceEnd : new boolean[]{true, false}) {
                Span old = sourceEnd ? d.source() : d.target();
                Optional<StanceExample> s = swaps.get(endIndex.get(key(d, old)));
                if (s.isEmpty()) {
                    unswappable++;
                    continue;
                }
                Span other = sourceEnd ? d.target() : d.source();
                int delta = s.get().target().length() - old.length();
                Span moved = other.start() >= old.end() ? other.shift(delta) : other;
                Span swappedEnd = s.get().target();
                String actor = s.get().actor().orElse("");
                before.add(d);
                after.add(new DyadExample(d.id() + (sourceEnd ? "~swap-source" : "~swap-target"), d.sentenceId(),
                        s.get().sentence(), sourceEnd ? swappedEnd : moved, sourceEnd ? moved : swappedEnd,
                        sourceEnd ? actor : d.sourceActor(), sourceEnd ? d.targetActor() : actor, d.stance(), d.split(),
                        d.origin()));
            }
        }
        List<Polarity> p = before.isEmpty() ? List.of() : predictor.apply(before);
        List<Polarity> q = after.isEmpty() ? List.of() : predictor.apply(after);
        int same = 0;
        for (int i = 0; i < p.size(); i++) {
            same += p.get(i) == q.get(i) ? 1 : 0;
        }
        Evaluator evaluator = new Evaluator();
        List<Polarity> gold = before.stream().map(DyadExample::stance).toList();
        return new DyadSwapEvaluation(evaluator.evaluate(gold, p), evaluator.evaluate(gold, q), unswappable,
                p.isEmpty() ? Double.NaN : (double) same / p.size());
    }

    private static String key(DyadExample d, Span span) {
        return d.sentenceId() + '\u0000' + d.sentence() + '\u0000' + span.start() + ':' + span.end();
    }

    private static void end(DyadExample d, Span span, String actor, Map<String, Integer> index,
                            List<StanceExample> ends) {
        String key = key(d, span);
        if (index.containsKey(key)) {
            return;
        }
        index.put(key, ends.size());
        ends.add(new StanceExample(key, d.sentenceId() + '\u0000' + d.sentence(), d.sentence(), span,
                actor.isEmpty() ? Optional.empty() : Optional.of(actor), "", Polarity.NEUTRAL, Optional.empty(),
                d.split(), d.origin()));
    }

    /** The JSON shape under "swap" in {@code eval --dyads --swap --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("swaps", swapped.n());
        m.put("unswappable_ends", unswappable);
        m.put("consistency", Double.isNaN(consistency) ? null : Decimals.round(consistency));
        m.put("as_written_on_swappable", swappable.toJson());
        m.put("swapped", swapped.toJson());
        return m;
    }
}
