package io.newsstance.api;

import io.newsstance.api.Polarity;

/**
 * A three-class prediction: the label with the highest probability, and the probabilities in {@link Polarity}
 * order.
 */
public record Prediction(Polarity label, double pNegative, double pNeutral, double pPositive) {

    /** The prediction of three probabilities in {@link Polarity} order; the label is the most probable class. */
    public static Prediction of(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < 3; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Prediction(Polarity.values()[best], probabilities[0], probabilities[1], probabilities[2]);
    }

    /** P(positive) − P(negative), in [-1, 1]. */
    public double score() {
        return pPositive - pNegative;
    }

    /** The probability of {@code p}. */
    public double probability(Polarity p) {
        return switch (p) {
            case NEGATIVE -> pNegative;
            case NEUTRAL -> pNeutral;
            case POSITIVE -> pPositive;
        };
    }
}
