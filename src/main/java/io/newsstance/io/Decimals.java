package io.newsstance.io;

import java.math.BigDecimal;

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

    /**
     * {@code x} in plain decimal notation, as short as its {@code double} value allows ({@code 0.0003}, never
     * {@code 3.0E-4}; {@code 12.0}, never {@code 1.2E1}). For JSON and CSV numbers: analysts' spreadsheets and
     * eyes read plain decimals. NaN and infinities are returned as Java writes them.
     */
    public static String plain(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        String s = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** A value for a CSV cell: doubles in {@link #plain} notation, anything else as it is. */
    public static Object cell(Object value) {
        return value instanceof Double d ? plain(d) : value;
    }

    /** {@code x} rounded half-up to {@code places} decimal places. */
    public static double round(double x, int places) {
        double f = Math.pow(10, places);
        return Math.round(x * f) / f;
    }
}
