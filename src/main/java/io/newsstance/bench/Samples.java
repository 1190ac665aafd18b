package io.newsstance.bench;

import java.util.Arrays;

/** Timings in seconds, with the order statistics a noisy machine needs (medians and percentiles, not means). */
final class Samples {

    private double[] values = new double[16];
    private int n;

    void add(double seconds) {
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = seconds;
    }

    int count() {
        return n;
    }

    /** The p-th percentile (0..100), nearest rank; NaN when empty. */
    double percentile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.min(n - 1, Math.max(0, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return percentile(0);
    }

    double sum() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s;
    }
}
