package io.newsstance.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fine-tuned encoder's weights as ONNX Runtime initializers that override the base graph's. */
final class TunedInitializers {

    private TunedInitializers() {
    }

    /**
     * Per graph initializer name, a tensor of the delta's weight (base + difference), in a direct buffer: ORT reads
     * a direct buffer in place, and copies a heap one (28 MB of MiniLM's one-sentence {@code score} peak,
     * measured 2026-12-04). The caller closes the tensors once the session that reads them is closed.
     */
    static Map<String, OnnxTensor> tensors(OrtEnvironment env, GraphInitializers base, EncoderDelta delta) {
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, short[]> e : delta.halves().entrySet()) {
                long[] shape = base.shape(e.getKey());
                FloatBuffer values = ByteBuffer.allocateDirect(e.getValue().length * Float.BYTES)
                        .order(ByteOrder.nativeOrder()).asFloatBuffer();
                delta.weightInto(e.getKey(), values);
                tensors.put(base.initializerName(e.getKey()), OnnxTensor.createTensor(env, values.flip(), shape));
            }
            return tensors;
        } catch (OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            throw e instanceof IllegalArgumentException iae ? iae
                    : new IllegalStateException("cannot hand the tuned weights to ONNX Runtime", e);
        }
    }
}
