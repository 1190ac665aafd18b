package io.newsstance.encoder;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire-format index of the shipped graph gives what the protobuf parse gives, weight for weight. */
class GraphInitializersTest {

    @Test
    void everyWeightMatchesTheProtobufParseInNameInitializerShapeAndValues() {
        OnnxWeights parsed = OnnxWeights.read(MiniLmEncoder.baseModel());
        GraphInitializers index = BaseGraph.initializers(BaseEncoder.MINILM_L6);
        assertEquals(101, index.names().size());
        assertEquals(parsed.names(), index.names());
        for (String name : parsed.names()) {
            assertEquals(parsed.initializerName(name), index.initializerName(name), name);
            assertArrayEquals(parsed.shape(name), index.shape(name), name);
            assertArrayEquals(parsed.values(name), index.values(name), name);
        }
        // anonymous matmul weights are named after their MatMul node
        assertTrue(index.initializerName("encoder.layer.3.intermediate.dense.weight").startsWith("onnx::MatMul_"));
    }

    @Test
    void valuesAreCopiesAndTheGraphsShaIsThatOfItsBytes() {
        GraphInitializers index = BaseGraph.initializers(BaseEncoder.MINILM_L6);
        float[] a = index.values("encoder.layer.5.output.LayerNorm.bias");
        float first = a[0];
        a[0] += 1;
        assertEquals(first, index.values("encoder.layer.5.output.LayerNorm.bias")[0]);
        assertEquals(io.newsstance.io.Checksums.sha256(MiniLmEncoder.baseModel()), BaseGraph.sha256(BaseEncoder.MINILM_L6));
    }

    @Test
    void aTruncatedOrForeignGraphIsRefused() {
        byte[] graph = MiniLmEncoder.baseModel();
        byte[] cut = Arrays.copyOf(graph, graph.length / 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphInitializers.read(ByteBuffer.wrap(cut)));
        assertTrue(e.getMessage().startsWith("not an ONNX model"), e.getMessage());
        byte[] text = "hello, this is not protobuf at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> GraphInitializers.read(ByteBuffer.wrap(text)));
        assertThrows(IllegalArgumentException.class,
                () -> GraphInitializers.read(ByteBuffer.wrap(graph)).values("no.such.weight"));
    }
}
