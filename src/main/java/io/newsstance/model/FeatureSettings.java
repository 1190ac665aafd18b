package io.newsstance.model;

/**
 * How a (sentence, target) pair becomes one feature vector from the encoder's token states. Every part is the
 * mean of some wordpiece states, so the vector is {@code parts() * encoderDimension} long:
 * <ul>
 *   <li>{@code target}: the target's wordpieces (always on);</li>
 *   <li>{@code sentence}: all wordpieces but [CLS]/[SEP];</li>
 *   <li>{@code cls}: the [CLS] state;</li>
 *   <li>{@code contextWindow > 0}: the {@code contextWindow} wordpieces left of the target, and those right
 *   of it (two parts; a zero vector where the sentence has none).</li>
 *   <li>{@code pair}: the target's mention and the sentence encoded together as "mention [SEP] sentence"
 *   (as target-dependent classifiers on BERT do), its [CLS] state and its mean: two parts whose every
 *   wordpiece has attended to the target. Costs one more encoder pass per target.</li>
 * </ul>
 */
public record FeatureSettings(boolean sentence, boolean cls, int contextWindow, boolean pair) {

    /** What the default model uses (chosen on the dev carve; see models/README.md). */
    public static final FeatureSettings DEFAULT = new FeatureSettings(true, true, 6, false);

    public FeatureSettings {
        if (contextWindow < 0) {
            throw new IllegalArgumentException("contextWindow must be >= 0");
        }
    }

    public int parts() {
        return 1 + (sentence ? 1 : 0) + (cls ? 1 : 0) + (contextWindow > 0 ? 2 : 0) + (pair ? 2 : 0);
    }

    /** A short stable name, used in cache keys and model cards. */
    public String key() {
        return "target" + (sentence ? "+sentence" : "") + (cls ? "+cls" : "")
                + (contextWindow > 0 ? "+context" + contextWindow : "") + (pair ? "+pair" : "");
    }
}
