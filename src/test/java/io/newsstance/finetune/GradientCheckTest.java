package io.newsstance.finetune;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SameDiff's gradients of the fine-tuning graph (two transformer layers with padding, target pooling, dropout
 * mask and the head) against central finite differences, in double precision, on a tiny random configuration.
 */
class GradientCheckTest {

    private static final MiniLmConfig TINY = new MiniLmConfig(20, 8, 2, 2, 12, 16, 2, 1e-12);

    @Test
    void analyticGradientsMatchFiniteDifferencesForEveryWeight() {
        Random random = new Random(3);
        Map<String, INDArray> init = new LinkedHashMap<>();
        for (int layer = 0; layer < TINY.layers(); layer++) {
            for (String name : MiniLmGraph.layerWeights(layer)) {
                long[] shape = shapeOf(name);
                init.put(name, Nd4j.create(gaussian(random, shape, name.contains("LayerNorm.weight") ? 1 : 0, 0.5),
                        shape, 'c'));
            }
        }
        int hidden = 5;
        // Three pooled parts per target (target, sentence mean, [CLS]) and four targets over three sequences:
        // sequence 0 holds two targets, as one pass per sentence does.
        int parts = 3;
        int in = parts * 8;
        init.put(TargetStanceGraph.HEAD_HIDDEN_W, Nd4j.create(gaussian(random, new long[] {in, hidden}, 0, 0.5), new long[] {in, hidden}, 'c'));
        init.put(TargetStanceGraph.HEAD_HIDDEN_B, Nd4j.create(gaussian(random, new long[] {hidden}, 0, 0.1), new long[] {hidden}, 'c'));
        init.put(TargetStanceGraph.HEAD_OUT_W, Nd4j.create(gaussian(random, new long[] {hidden, 3}, 0, 0.5), new long[] {hidden, 3}, 'c'));
        init.put(TargetStanceGraph.HEAD_OUT_B, Nd4j.create(gaussian(random, new long[] {3}, 0, 0.1), new long[] {3}, 'c'));
        // SameDiff prints a line per differentiated op to System.out unless the graph holds it back: stdout is
        // where train writes its JSON summary.
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        TargetStanceGraph graph;
        try {
            graph = new TargetStanceGraph(TINY, 0, parts, init);
        } finally {
            System.setOut(stdout);
        }
        org.junit.jupiter.api.Assertions.assertEquals("", printed.toString(), "nothing on standard output");

        int batch = 3;
        int width = 5;
        int targets = 4;
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(TargetStanceGraph.STATES, Nd4j.create(gaussian(random, new long[] {batch, width, 8}, 0, 1),
                new long[] {batch, width, 8}, 'c'));
        double[] mask = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0}; // two padded rows
        feed.put(TargetStanceGraph.MASK, Nd4j.create(mask, new long[] {batch, width}, 'c'));
        int[] sequenceOf = {0, 0, 1, 2};
        int[][] targetPieces = {{1, 2}, {3}, {2}, {1, 2, 3}};
        int[] lengths = {5, 3, 4};
        double[] pool = new double[targets * parts * batch * width];
        for (int p = 0; p < targets; p++) {
            int base = sequenceOf[p] * width;
            for (int piece : targetPieces[p]) {
                pool[(p * parts) * batch * width + base + piece] = 1.0 / targetPieces[p].length;
            }
            for (int t = 1; t < lengths[sequenceOf[p]] - 1; t++) {
                pool[(p * parts + 1) * batch * width + base + t] = 1.0 / (lengths[sequenceOf[p]] - 2);
            }
            pool[(p * parts + 2) * batch * width + base] = 1; // [CLS]
        }
        feed.put(TargetStanceGraph.POOL, Nd4j.create(pool, new long[] {targets * parts, batch * width}, 'c'));
        double[] keep = new double[targets * in];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = i % 7 == 0 ? 0 : 1.25;
        }
        feed.put(TargetStanceGraph.KEEP, Nd4j.create(keep, new long[] {targets, in}, 'c'));
        feed.put(TargetStanceGraph.LABELS, Nd4j.create(new double[] {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1},
                new long[] {targets, 3}, 'c'));

        System.setOut(new java.io.PrintStream(printed, true));
        Map<String, INDArray> gradients;
        try {
            gradients = graph.gradients(feed);
        } finally {
            System.setOut(stdout);
        }
        org.junit.jupiter.api.Assertions.assertEquals("", printed.toString(), "nothing on standard output");
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        for (String name : graph.trainableWeights()) {
            INDArray w = graph.weight(name);
            INDArray g = gradients.get(name);
            for (long i = 0; i < Math.min(w.length(), 6); i++) {
                long index = (i * 7919) % w.length();
                double original = w.getDouble(index);
                w.putScalar(index, original + eps);
                double plus = loss(graph, feed);
                w.putScalar(index, original - eps);
                double minus = loss(graph, feed);
                w.putScalar(index, original);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = g.getDouble(index);
                double error = Math.abs(numeric - analytic) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                if (Math.abs(numeric) + Math.abs(analytic) > 1e-7) {
                    worst = Math.max(worst, error);
                    assertTrue(error < 1e-4, name + "[" + index + "]: analytic " + analytic + ", numeric " + numeric);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " gradient entries were large enough to check");
        assertTrue(worst < 1e-4, "worst relative error " + worst);
    }

    private static double loss(TargetStanceGraph graph, Map<String, INDArray> feed) {
        return graph.sameDiff().output(feed, TargetStanceGraph.LOSS).get(TargetStanceGraph.LOSS).getDouble(0);
    }

    private static long[] shapeOf(String name) {
        int h = TINY.hidden();
        if (name.endsWith("intermediate.dense.weight")) {
            return new long[] {h, TINY.intermediate()};
        }
        if (name.endsWith("intermediate.dense.bias")) {
            return new long[] {TINY.intermediate()};
        }
        if (name.endsWith("output.dense.weight") && !name.contains("attention")) {
            return new long[] {TINY.intermediate(), h};
        }
        return name.endsWith(".weight") && !name.contains("LayerNorm") ? new long[] {h, h} : new long[] {h};
    }

    private static double[] gaussian(Random random, long[] shape, double mean, double sd) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = mean + sd * random.nextGaussian();
        }
        return v;
    }
}
