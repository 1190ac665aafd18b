package io.newsstance.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a benchmark ran on: figures mean little without it.
 *
 * @param cores      processors the JVM sees
 * @param maxHeapMb  the JVM's maximum heap ({@code -Xmx}, or its default)
 * @param java       Java runtime version
 * @param vm         JVM name
 * @param os         operating system and architecture
 * @param ompThreads {@code OMP_NUM_THREADS} (ND4J's OpenMP threads), or empty when unset
 */
public record Machine(int cores, long maxHeapMb, String java, String vm, String os, String ompThreads) {

    public static Machine current() {
        String omp = System.getenv("OMP_NUM_THREADS");
        return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version().toString(), System.getProperty("java.vm.name", "?"),
                System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", "?"), omp == null ? "" : omp);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", cores);
        m.put("max_heap_mb", maxHeapMb);
        m.put("java", java);
        m.put("vm", vm);
        m.put("os", os);
        m.put("omp_num_threads", ompThreads.isEmpty() ? null : ompThreads);
        return m;
    }

    @Override
    public String toString() {
        return cores + " cores, max heap " + maxHeapMb + " MB, Java " + java + " (" + vm + "), " + os
                + (ompThreads.isEmpty() ? "" : ", OMP_NUM_THREADS=" + ompThreads);
    }
}
