package io.newsstance.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies of a training file's examples, to weight a small in-domain file against large ones (the real-news
 * carve is 1,373 of the default's ~10,000 training sentences). A copy is a sentence of its own for swap
 * augmentation, so each copy draws its own swapped names; copies that keep their text are encoded together with
 * the original, which then counts once per copy in the loss.
 */
public final class Repeats {

    private Repeats() {
    }

    /** Copy {@code k} (2 or more) of {@code examples}: the same text and labels, ids and sentence ids marked. */
    public static List<StanceExample> copy(List<StanceExample> examples, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("copies are numbered from 2 (the file itself is the first), got " + k);
        }
        List<StanceExample> out = new ArrayList<>(examples.size());
        String mark = "~copy" + k;
        for (StanceExample e : examples) {
            out.add(new StanceExample(e.id() + mark, e.sentenceId() + mark, e.sentence(), e.target(), e.actor(),
                    e.aliasKind(), e.stance(), e.sentiment(), e.split(), e.source()));
        }
        return out;
    }

    /**
     * The swap seed of copy {@code k}: the original's seed for the file itself (so adding copies leaves its
     * draws as they were), another for each copy.
     */
    public static long swapSeed(long seed, int k) {
        return k <= 1 ? seed : seed * 1_000_003L + k;
    }
}
