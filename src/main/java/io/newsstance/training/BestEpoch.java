package io.newsstance.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Early stopping's bookkeeping, the one rule both trainers keep: the dev macro-F1 of every epoch so far and the
 * epoch whose weights to keep. An epoch is the new best when it is the first, when there is no dev set (its score
 * is NaN: the last epoch is kept), or when its score beats the best by more than 1e-9 (a tie keeps the earlier
 * epoch). Immutable, so a checkpoint can store it as it is.
 *
 * @param history   dev macro-F1 per epoch, in order
 * @param bestEpoch the 1-based epoch to keep, 0 before the first epoch
 */
public record BestEpoch(List<Double> history, int bestEpoch) {

    private static final double MIN_GAIN = 1e-9;

    public BestEpoch {
        history = List.copyOf(history);
        if (bestEpoch < 0 || bestEpoch > history.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " of " + history.size());
        }
    }

    /** Before the first epoch. */
    public static BestEpoch start() {
        return new BestEpoch(List.of(), 0);
    }

    /** After one more epoch with dev macro-F1 {@code score} (NaN without a dev set). */
    public BestEpoch next(double score) {
        List<Double> h = new ArrayList<>(history);
        h.add(score);
        boolean better = bestEpoch == 0 || Double.isNaN(score) || score > bestScore() + MIN_GAIN;
        return new BestEpoch(h, better ? h.size() : bestEpoch);
    }

    /** Whether the last epoch is the best so far. */
    public boolean lastImproved() {
        return !history.isEmpty() && bestEpoch == history.size();
    }

    /** The best epoch's dev macro-F1 (NaN before the first epoch or without a dev set). */
    public double bestScore() {
        return bestEpoch == 0 ? Double.NaN : history.get(bestEpoch - 1);
    }

    /** Whether {@code patience} epochs in a row brought no better score. */
    public boolean stalled(int patience) {
        return history.size() - bestEpoch >= patience;
    }
}
