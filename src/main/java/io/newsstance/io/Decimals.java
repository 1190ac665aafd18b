package io.newsstance.io;

/**
 * The one rounding rule for figures newsstance writes (records, model cards, counts, benchmarks): half-up to a fixed
 * number of decimal places. Probabilities and scores are written with {@link #PLACES} places: 4 places keep every
 * difference a reader acts on (0.0001 of a probability) and make the JSON Lines rows about a third shorter than
 * full doubles.
 */
public final class Decimals {

    /** Decimal places of probabilities, scores and metrics. */
    public static final int PLACES = 4;

    private Decimals() {
    }

    /** {@code x} rounded to {@link #PLACES} decimal places. */
    public static double round(double x) {
        return round(x, PLACES);
    }

    /** {@code x} rounded half-up to {@code places} decimal places. */
    public static double round(double x, int places) {
        double f = Math.pow(10, places);
        return Math.round(x * f) / f;
    }
}
