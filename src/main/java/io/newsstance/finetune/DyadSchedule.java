package io.newsstance.finetune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which dyad sentences go with which stance batch in an epoch: every dyad sentence once an epoch (the last chunks
 * filled up from the first), as many per step, and the shortest dyad sentences with the shortest stance batches,
 * so that a step's shared states tensor pads little (stance batches are length-bucketed already). A function of
 * the seed and epoch, so a resumed run takes the same steps.
 */
final class DyadSchedule {

    private DyadSchedule() {
    }

    /** Dyad sentences each step carries: every one of {@code sentences} once in {@code steps} steps. */
    static int perStep(int sentences, int steps) {
        return steps == 0 ? 0 : (sentences + steps - 1) / steps;
    }

    /**
     * @param stanceWidths the longest sequence of each of the epoch's stance batches, in step order
     * @param dyadLengths  the length of each dyad sentence
     * @return for each step, the dyad sentences it carries
     */
    static List<int[]> batches(int[] stanceWidths, int[] dyadLengths, long seed, int epoch) {
        int steps = stanceWidths.length;
        int n = dyadLengths.length;
        List<int[]> out = new ArrayList<>(Collections.nCopies(steps, new int[0]));
        if (steps == 0 || n == 0) {
            return out;
        }
        int perStep = perStep(n, steps);
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(seed * 1_000_003L + epoch + 0x5DEECE66DL));
        order.sort(Comparator.comparingInt(i -> dyadLengths[i])); // stable: ties stay shuffled
        Integer[] byWidth = IntStream.range(0, steps).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(byWidth, Comparator.comparingInt(b -> stanceWidths[b]));
        for (int rank = 0; rank < steps; rank++) {
            int[] chunk = new int[perStep];
            for (int k = 0; k < perStep; k++) {
                chunk[k] = order.get((rank * perStep + k) % n);
            }
            out.set(byWidth[rank], chunk);
        }
        return out;
    }
}
