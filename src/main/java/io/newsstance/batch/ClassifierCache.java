package io.newsstance.batch;

import io.newsstance.StanceClassifier;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One {@link StanceClassifier} per JVM and model: restored on first use in an executor, then shared by all
 * tasks (and jobs) in it. Key: SHA-256 of the model bytes, of the actor CSV, and the thread count.
 */
final class ClassifierCache {
    private static final Map<String, StanceClassifier> CACHE = new HashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ClassifierCache() {
    }

    static synchronized StanceClassifier get(String key, Supplier<StanceClassifier> loader) {
        StanceClassifier c = CACHE.get(key);
        if (c == null) {
            c = loader.get();
            LOADS.incrementAndGet();
            CACHE.put(key, c);
        }
        return c;
    }

    /** How many classifiers this JVM has restored (for tests and logs). */
    public static int loads() {
        return LOADS.get();
    }

    /**
     * Closes and forgets every cached classifier. Only when no job runs in this JVM: closing a classifier
     * while a thread is scoring with it crashes ONNX Runtime.
     */
    public static synchronized void clear() {
        CACHE.values().forEach(StanceClassifier::close);
        CACHE.clear();
    }
}
