package io.newsstance.encoder;

import io.newsstance.encoder.EncoderIdentity;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.encoder.OnnxWeights;
import io.newsstance.finetune.MiniLmGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weights of the shipped all-MiniLM-L6-v2 graph under their HuggingFace names, and writing them back. */
class OnnxWeightsTest {

    private static final OnnxWeights WEIGHTS = OnnxWeights.read(MiniLmEncoder.baseModel());

    @Test
    void everyWeightOfTheEncoderIsFoundUnderItsHuggingFaceName() {
        List<String> expected = new ArrayList<>(MiniLmGraph.embeddingWeights());
        for (int layer = 0; layer < 6; layer++) {
            expected.addAll(MiniLmGraph.layerWeights(layer));
        }
        assertEquals(101, expected.size());
        assertEquals(new java.util.HashSet<>(expected), WEIGHTS.names());
        assertArrayEquals(new long[] {30522, 384}, WEIGHTS.shape("embeddings.word_embeddings.weight"));
        // matmul weights are stored [in, out]
        assertArrayEquals(new long[] {384, 1536}, WEIGHTS.shape("encoder.layer.3.intermediate.dense.weight"));
        assertArrayEquals(new long[] {1536, 384}, WEIGHTS.shape("encoder.layer.3.output.dense.weight"));
        assertEquals(384 * 1536, WEIGHTS.values("encoder.layer.3.intermediate.dense.weight").length);
    }

    @Test
    void patchedGraphCarriesTheNewValuesAndNothingElseChanges() {
        float[] bias = WEIGHTS.values("encoder.layer.5.output.LayerNorm.bias");
        for (int i = 0; i < bias.length; i++) {
            bias[i] = i * 0.001f;
        }
        OnnxWeights patched = OnnxWeights.read(WEIGHTS.patched(Map.of("encoder.layer.5.output.LayerNorm.bias", bias)));
        assertArrayEquals(bias, patched.values("encoder.layer.5.output.LayerNorm.bias"));
        assertArrayEquals(WEIGHTS.values("encoder.layer.5.output.dense.weight"),
                patched.values("encoder.layer.5.output.dense.weight"));
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> WEIGHTS.patched(Map.of("encoder.layer.5.output.LayerNorm.bias", new float[3])));
        assertTrue(wrongSize.getMessage().contains("384"), wrongSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WEIGHTS.values("encoder.layer.9.output.dense.weight"));
    }

    @Test
    void anInnerLayerCanBeExposedAsAnOutput() {
        byte[] exposing = WEIGHTS.exposing("/encoder/layer.3/output/LayerNorm/Add_1_output_0");
        String layer3 = "/encoder/layer.3/output/LayerNorm/Add_1_output_0";
        try (MiniLmEncoder lower = MiniLmEncoder.load(exposing, new EncoderIdentity("lower", "-"), layer3, 1);
             MiniLmEncoder full = MiniLmEncoder.load()) {
            float[][] inner = lower.encode(List.of("Seoul and Tokyo agreed to share intelligence.")).get(0).states();
            float[][] last = full.encode(List.of("Seoul and Tokyo agreed to share intelligence.")).get(0).states();
            assertEquals(last.length, inner.length);
            assertTrue(Math.abs(inner[1][0] - last[1][0]) > 1e-4, "layer 3's states differ from the last layer's");
        }
        assertThrows(IllegalArgumentException.class, () -> WEIGHTS.exposing("/no/such/value"));
    }
}
