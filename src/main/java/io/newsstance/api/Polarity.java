package io.newsstance.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The three labels of both stance toward an actor and sentence sentiment. The ordinal is the class index used
 * by every model and metric (0 negative, 1 neutral, 2 positive).
 */
public enum Polarity {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** The label as written in files and output: {@code negative}, {@code neutral} or {@code positive}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The polarity named {@code s} (the label or its three-letter short form, any case, trimmed), or empty. */
    public static Optional<Polarity> parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "negative", "neg" -> Optional.of(NEGATIVE);
            case "neutral", "neu" -> Optional.of(NEUTRAL);
            case "positive", "pos" -> Optional.of(POSITIVE);
            default -> Optional.empty();
        };
    }
}
