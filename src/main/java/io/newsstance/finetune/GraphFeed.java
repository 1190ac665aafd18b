package io.newsstance.finetune;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@link TargetStanceGraph}'s placeholders for one step: a batch of stance sequences and, when the graph
 * has a dyad objective, a batch of dyad sequences after them in the same states tensor (one pass of the trained
 * layers serves both). Dropout masks only when training, seeded by the step.
 */
final class GraphFeed {

    private final FineTuneSettings settings;
    private final int hidden;

    GraphFeed(FineTuneSettings settings, int hidden) {
        this.settings = settings;
        this.hidden = hidden;
    }

    /** Placeholders for stance sequences {@code batch} of {@code examples} alone (no dyads). */
    Map<String, INDArray> feed(List<FrozenStates.Prepared> examples, int[] batch, boolean training, long step) {
        return feed(examples, batch, List.of(), new int[0], training, step);
    }

    /**
     * Placeholders for stance sequences {@code batch} of {@code examples} followed by dyad sequences {@code
     * dyadBatch} of {@code dyads}; with no dyad batch, exactly those of the stance graph alone.
     */
    Map<String, INDArray> feed(List<FrozenStates.Prepared> examples, int[] batch, List<FrozenStates.DyadSequence> dyads,
                               int[] dyadBatch, boolean training, long step) {
        int h = hidden;
        int parts = settings.input().parts();
        int width = 0;
        int targets = 0;
        for (int i : batch) {
            width = Math.max(width, examples.get(i).length());
            targets += examples.get(i).targets();
        }
        int pairs = 0;
        for (int i : dyadBatch) {
            width = Math.max(width, dyads.get(i).length());
            pairs += dyads.get(i).dyads();
        }
        int sequences = batch.length + dyadBatch.length;
        int columns = sequences * width;
        float[] states = new float[columns * h];
        float[] mask = new float[columns];
        float[] pool = new float[targets * parts * columns];
        float[] labels = new float[targets * TargetStanceGraph.CLASSES];
        int p = 0;
        for (int b = 0; b < batch.length; b++) {
            FrozenStates.Prepared seq = examples.get(batch[b]);
            int base = b * width;
            copyStates(seq.states(), states, mask, base);
            for (int k = 0; k < seq.targets(); k++, p++) {
                int row = p * parts;
                mean(pool, row++, columns, base, seq.targetPieces()[k]);
                if (parts == 3) { // the sentence's wordpieces, without [CLS] and [SEP], as StanceFeaturizer reads them
                    meanRange(pool, row++, columns, base, 1, seq.length() - 1);
                }
                pool[row * columns + base] = 1; // [CLS]
                labels[p * TargetStanceGraph.CLASSES + seq.labels()[k]] = 1;
            }
        }
        int dp = TargetStanceGraph.DYAD_PARTS;
        float[] dyadPool = new float[pairs * dp * columns];
        float[] dyadLabels = new float[pairs * TargetStanceGraph.CLASSES];
        int q = 0;
        for (int d = 0; d < dyadBatch.length; d++) {
            FrozenStates.DyadSequence seq = dyads.get(dyadBatch[d]);
            int base = (batch.length + d) * width;
            copyStates(seq.states(), states, mask, base);
            for (int k = 0; k < seq.dyads(); k++, q++) {
                int row = q * dp;
                int[] source = seq.sources()[k];
                int[] target = seq.targets()[k];
                // the order of DyadFeaturizer: source, target, sentence, [CLS], the wordpieces between the two
                mean(dyadPool, row, columns, base, source);
                mean(dyadPool, row + 1, columns, base, target);
                meanRange(dyadPool, row + 2, columns, base, 1, seq.length() - 1);
                dyadPool[(row + 3) * columns + base] = 1;
                boolean sourceFirst = source[0] < target[0];
                int from = sourceFirst ? source[source.length - 1] + 1 : target[target.length - 1] + 1;
                meanRange(dyadPool, row + 4, columns, base, from, sourceFirst ? target[0] : source[0]);
                dyadLabels[q * TargetStanceGraph.CLASSES + seq.labels()[k]] = 1;
            }
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(TargetStanceGraph.STATES, Nd4j.create(states, new long[] {sequences, width, h}, 'c'));
        feed.put(TargetStanceGraph.MASK, Nd4j.create(mask, new long[] {sequences, width}, 'c'));
        feed.put(TargetStanceGraph.POOL, Nd4j.create(pool, new long[] {(long) targets * parts, columns}, 'c'));
        feed.put(TargetStanceGraph.KEEP, Nd4j.create(keep(targets * parts * h, training, step, 0),
                new long[] {targets, (long) parts * h}, 'c'));
        feed.put(TargetStanceGraph.LABELS, Nd4j.create(labels, new long[] {targets, TargetStanceGraph.CLASSES}, 'c'));
        if (dyadBatch.length > 0) {
            feed.put(TargetStanceGraph.DYAD_POOL, Nd4j.create(dyadPool, new long[] {(long) pairs * dp, columns}, 'c'));
            feed.put(TargetStanceGraph.DYAD_KEEP, Nd4j.create(keep(pairs * dp * h, training, step, 1),
                    new long[] {pairs, (long) dp * h}, 'c'));
            feed.put(TargetStanceGraph.DYAD_LABELS, Nd4j.create(dyadLabels,
                    new long[] {pairs, TargetStanceGraph.CLASSES}, 'c'));
        }
        return feed;
    }

    private void copyStates(float[][] seq, float[] states, float[] mask, int base) {
        for (int t = 0; t < seq.length; t++) {
            System.arraycopy(seq[t], 0, states, (base + t) * hidden, hidden);
            mask[base + t] = 1;
        }
    }

    private static void mean(float[] pool, int row, int columns, int base, int[] pieces) {
        for (int piece : pieces) {
            pool[row * columns + base + piece] = 1f / pieces.length;
        }
    }

    /** 1/n over wordpieces [from, to) of the sequence at {@code base}; nothing when the range is empty. */
    private static void meanRange(float[] pool, int row, int columns, int base, int from, int to) {
        for (int t = from; t < to; t++) {
            pool[row * columns + base + t] = 1f / (to - from);
        }
    }

    /** Dropout mask: 0 or 1/keep while training (stream {@code stream} of the step's seed), all ones otherwise. */
    private float[] keep(int n, boolean training, long step, int stream) {
        float[] keep = new float[n];
        if (training && settings.dropoutKeep() < 1) {
            SplittableRandom random = new SplittableRandom(settings.seed() ^ (step * 0x9E3779B97F4A7C15L));
            if (stream > 0) {
                random = random.split();
            }
            float scale = (float) (1 / settings.dropoutKeep());
            for (int i = 0; i < keep.length; i++) {
                keep[i] = random.nextDouble() < settings.dropoutKeep() ? scale : 0;
            }
        } else {
            Arrays.fill(keep, 1f);
        }
        return keep;
    }
}
