package io.newsstance.encoder;

/**
 * Where to cut length-sorted sentences into encoder batches: each batch is padded to its longest sentence, and
 * each call costs a fixed overhead, so the cut minimises padded wordpieces plus calls (see {@link
 * MiniLmEncoder#CALL_COST_WORDPIECES}).
 */
final class LengthBatches {

    private LengthBatches() {
    }

    /**
     * Cuts ascending {@code sortedLengths} into consecutive batches of at most {@code maxBatch} that minimise
     * the wordpieces computed (each batch is padded to its last, longest, sentence) plus {@code callCost} per
     * batch; returns each batch's end (exclusive), in order. Exact, by dynamic programming over the cut points.
     */
    static int[] ends(int[] sortedLengths, int maxBatch, int callCost) {
        int n = sortedLengths.length;
        long[] best = new long[n + 1];
        int[] start = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Long.MAX_VALUE;
            for (int i = Math.max(0, j - maxBatch); i < j; i++) {
                long cost = best[i] + callCost + (long) (j - i) * sortedLengths[j - 1];
                if (cost < best[j]) {
                    best[j] = cost;
                    start[j] = i;
                }
            }
        }
        int batches = 0;
        for (int j = n; j > 0; j = start[j]) {
            batches++;
        }
        int[] ends = new int[batches];
        for (int j = n, b = batches - 1; j > 0; j = start[j], b--) {
            ends[b] = j;
        }
        return ends;
    }

}
