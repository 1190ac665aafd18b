package io.newsstance.finetune;

import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.encoder.OnnxWeights;
import io.newsstance.encoder.TokenEncoder;
import io.newsstance.encoder.Wordpieces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SameDiff encoder against ONNX Runtime on the real all-MiniLM-L6-v2 weights: token by token, for batches of
 * sentences of different lengths (padding masked) and for sentence pairs; and again after fine-tuned weights
 * are written back into the ONNX graph.
 */
class MiniLmGraphTest {

    static final double TOLERANCE = 1e-4;
    private static MiniLmEncoder encoder;
    private static OnnxWeights weights;

    @BeforeAll
    static void load() {
        encoder = MiniLmEncoder.load();
        weights = OnnxWeights.read(MiniLmEncoder.baseModel());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** The full encoder in SameDiff, over the given weights (HuggingFace name to values). */
    private static final class Graph {
        final SameDiff sd = SameDiff.create();
        final SDVariable out;

        Graph(java.util.function.Function<String, float[]> values) {
            Map<String, SDVariable> vars = new HashMap<>();
            MiniLmGraph g = new MiniLmGraph(sd, MiniLmConfig.MINILM_L6, n -> vars.computeIfAbsent(n,
                    k -> sd.constant(k, Nd4j.create(values.apply(k), weights.shape(k), 'c'))));
            SDVariable ids = sd.placeHolder("ids", DataType.INT64, -1, -1);
            SDVariable types = sd.placeHolder("types", DataType.INT64, -1, -1);
            SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, -1);
            out = g.layers(0, g.embeddings(ids, types), g.maskBias(mask));
        }

        INDArray run(List<Wordpieces> batch) {
            int width = batch.stream().mapToInt(Wordpieces::length).max().orElse(0);
            long[][] ids = new long[batch.size()][width];
            long[][] types = new long[batch.size()][width];
            float[][] mask = new float[batch.size()][width];
            for (int b = 0; b < batch.size(); b++) {
                Wordpieces w = batch.get(b);
                for (int t = 0; t < w.length(); t++) {
                    ids[b][t] = w.ids()[t];
                    types[b][t] = w.typeIds()[t];
                    mask[b][t] = 1;
                }
            }
            return sd.output(Map.of("ids", Nd4j.createFromArray(ids), "types", Nd4j.createFromArray(types),
                    "mask", Nd4j.createFromArray(mask)), out.name()).get(out.name());
        }
    }

    private static double maxDifference(INDArray states, List<Wordpieces> batch, List<EncodedSentence> reference) {
        double max = 0;
        for (int b = 0; b < batch.size(); b++) {
            float[][] ref = reference.get(b).states();
            assertEquals(batch.get(b).length(), ref.length);
            for (int t = 0; t < ref.length; t++) {
                for (int j = 0; j < ref[t].length; j++) {
                    max = Math.max(max, Math.abs(states.getFloat(b, t, j) - ref[t][j]));
                }
            }
        }
        return max;
    }

    @Test
    void matchesOnnxRuntimeTokenByTokenOnABatchOfSentencesOfDifferentLengths() {
        List<String> sentences = List.of(
                "Moscow rejected the EU's sanctions as illegal and vowed to retaliate.",
                "Pyongyang fired two ballistic missiles into the sea east of the Korean peninsula on Sunday, "
                        + "Japan's defence ministry said, in the latest of a series of tests condemned by the UN.",
                "NATO allies pledged more air defence to Kyiv.",
                "Ok.");
        Graph graph = new Graph(weights::values);
        List<Wordpieces> batch = sentences.stream().map(encoder::wordpieces).toList();
        double difference = maxDifference(graph.run(batch), batch, encoder.encode(sentences));
        assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
        // batch of one, another length
        List<Wordpieces> one = List.of(batch.get(2));
        double alone = maxDifference(graph.run(one), one, encoder.encode(List.of(sentences.get(2))));
        assertTrue(alone <= TOLERANCE, "max abs difference " + alone);
    }

    @Test
    void matchesOnnxRuntimeOnSentencePairsWithSegmentIds() {
        List<String> sentences = List.of("Beijing warned Washington against arming Taiwan.",
                "The United Nations praised Kenya for leading the mission.");
        List<String> mentions = List.of("Washington", "Kenya");
        Graph graph = new Graph(weights::values);
        List<Wordpieces> batch = List.of(encoder.wordpieces(sentences.get(0), mentions.get(0)),
                encoder.wordpieces(sentences.get(1), mentions.get(1)));
        assertEquals(1, batch.get(0).typeIds()[batch.get(0).length() - 2], "the mention is segment 1");
        double difference = maxDifference(graph.run(batch), batch, encoder.encodePairs(sentences, mentions));
        assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
    }

    @Test
    void fineTunedWeightsWrittenBackIntoTheOnnxGraphGiveWhatSameDiffComputes() {
        // Perturb the top two layers as training would, export them, and compare the two runtimes.
        Random random = new Random(7);
        Map<String, float[]> tuned = new HashMap<>();
        for (int layer = 4; layer < 6; layer++) {
            for (String name : MiniLmGraph.layerWeights(layer)) {
                float[] v = weights.values(name);
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) (0.02 * random.nextGaussian());
                }
                tuned.put(name, v);
            }
        }
        TokenEncoder exported = encoder.withWeights("test-tuned", tuned);
        Map<String, float[]> served = exported.delta().orElseThrow().weights();
        assertEquals(32, served.size());
        Graph graph = new Graph(n -> served.containsKey(n) ? served.get(n) : weights.values(n));
        List<String> sentences = List.of("Tehran accused Washington of sabotage.", "The summit ended without a deal.");
        List<Wordpieces> batch = sentences.stream().map(encoder::wordpieces).toList();
        List<EncodedSentence> onnx = exported.encode(sentences);
        double difference = maxDifference(graph.run(batch), batch, onnx);
        assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
        // and the export changed something: the base encoder gives other states
        double moved = maxDifference(graph.run(batch), batch, encoder.encode(sentences));
        assertTrue(moved > 0.01, "the perturbed weights changed the states by only " + moved);
        assertTrue(!exported.identity().sha256().equals(encoder.identity().sha256()));
    }
}
