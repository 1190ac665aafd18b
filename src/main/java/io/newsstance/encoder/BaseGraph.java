package io.newsstance.encoder;

import io.newsstance.io.Checksums;

import java.lang.ref.SoftReference;

/**
 * The base all-MiniLM-L6-v2 fp32 graph from the classpath: its bytes (90 MB), sha256 and parsed weights, each
 * computed once and kept under a soft reference, so that loading a fine-tuned model reads the jar and parses the
 * graph once, and the memory goes when it is short (it is read again if needed).
 */
final class BaseGraph {

    private static volatile SoftReference<byte[]> bytes = new SoftReference<>(null);
    private static volatile SoftReference<OnnxWeights> weights = new SoftReference<>(null);
    private static volatile String sha256;

    private BaseGraph() {
    }

    /** The graph's bytes; callers must not change the array. */
    static byte[] bytes() {
        byte[] b = bytes.get();
        if (b == null) {
            synchronized (BaseGraph.class) {
                b = bytes.get();
                if (b == null) {
                    b = ClasspathResources.read(MiniLmEncoder.MODEL_RESOURCE);
                    bytes = new SoftReference<>(b);
                }
            }
        }
        return b;
    }

    static String sha256() {
        String sha = sha256;
        if (sha == null) {
            sha = Checksums.sha256(bytes());
            sha256 = sha;
        }
        return sha;
    }

    /** The graph's weights, parsed on first use: a fine-tuned model is read (its stored differences) from them. */
    static OnnxWeights weights() {
        OnnxWeights w = weights.get();
        if (w == null) {
            synchronized (BaseGraph.class) {
                w = weights.get();
                if (w == null) {
                    w = OnnxWeights.read(bytes());
                    weights = new SoftReference<>(w);
                }
            }
        }
        return w;
    }
}
