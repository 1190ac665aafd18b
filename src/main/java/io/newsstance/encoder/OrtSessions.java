package io.newsstance.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Map;
import java.util.Set;

/**
 * How every encoder's ONNX Runtime session is made: sequential execution, full graph optimisation, the given
 * intra-op threads, and initializers that override the graph's own (a fine-tuned encoder's weights).
 */
final class OrtSessions {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";

    private OrtSessions() {
    }

    /** A session over a serialised graph: a byte[] (copied by ORT) or a direct buffer (parsed in place). */
    static OrtSession create(OrtEnvironment env, Object model, Map<String, OnnxTensor> initializers,
                                            int intraOpThreads, String output) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            for (Map.Entry<String, OnnxTensor> e : initializers.entrySet()) {
                options.addInitializer(e.getKey(), e.getValue());
            }
            OrtSession session = model instanceof java.nio.ByteBuffer buffer ? env.createSession(buffer, options)
                    : env.createSession((byte[]) model, options);
            try {
                checkSignature(session, output);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
            return session;
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the encoder's graph into ONNX Runtime", e);
        }
    }

    private static void checkSignature(OrtSession session, String output) {
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new IllegalStateException("model inputs " + inputs + " lack " + INPUT_IDS + "/" + ATTENTION_MASK);
        }
        if (!session.getOutputNames().contains(output)) {
            throw new IllegalStateException("model outputs " + session.getOutputNames() + " lack " + output);
        }
    }
}
