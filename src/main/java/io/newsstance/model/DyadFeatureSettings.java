package io.newsstance.model;

/**
 * How an ordered pair (source, target) of spans in a sentence becomes one feature vector for the dyad head, from
 * the same encoder pass as the stance head: the mean of the source's wordpieces, the target's, the sentence's
 * (all but [CLS]/[SEP]) and the [CLS] state, in that order, and with {@code between} the mean of the wordpieces
 * strictly between the two spans (where "A accused B" keeps its verb; zeros when the spans touch). Order matters:
 * (A, B) and (B, A) give different vectors, which is what lets the head tell who does what to whom. With
 * {@code stance}, the stance head's probabilities toward A and toward B (six numbers, from the same pass) follow:
 * whether the sentence portrays B as criticised or helped, and A as the actor, is much of who does what to whom.
 */
public record DyadFeatureSettings(boolean between, boolean stance) {

    /** What the shipped dyad head reads (chosen on the dyad dev split; see models/README.md, "Dyads"). */
    public static final DyadFeatureSettings DEFAULT = new DyadFeatureSettings(true, false);

    /** Mean-pooled parts, each one encoder state wide. */
    public int parts() {
        return 4 + (between ? 1 : 0);
    }

    /** Numbers after the pooled parts: the stance head's three probabilities toward A, then toward B. */
    public int extra() {
        return stance ? 6 : 0;
    }

    /** Length of the feature vector over an encoder of {@code encoderDimension}-wide states. */
    public int dimension(int encoderDimension) {
        return parts() * encoderDimension + extra();
    }

    /** A short stable name, for the model file and cards. */
    public String key() {
        return "source+target+sentence+cls" + (between ? "+between" : "") + (stance ? "+stance" : "");
    }
}
