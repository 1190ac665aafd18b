package io.newsstance.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peak heap and garbage collection over one phase of a benchmark, from the JVM's management beans: the peak is
 * the sum of each heap pool's peak usage since {@link #start()} (pools peak at different moments, so this is an
 * upper bound of the true peak), GC counts and times are the collectors' deltas.
 */
public final class HeapMeter {

    /** What one phase used. */
    public record Usage(long peakHeapMb, long gcCount, long gcMillis) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peak_heap_mb", peakHeapMb);
            m.put("gc_count", gcCount);
            m.put("gc_ms", gcMillis);
            return m;
        }
    }

    private long gcCount;
    private long gcMillis;

    /** Collects, resets the pools' peaks and remembers the collectors' counters. */
    public HeapMeter start() {
        System.gc();
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
        gcCount = gcCount();
        gcMillis = gcMillis();
        return this;
    }

    public Usage stop() {
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            peak += Math.max(0, pool.getPeakUsage().getUsed());
        }
        return new Usage(peak >> 20, gcCount() - gcCount, gcMillis() - gcMillis);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
