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
 *   <li>{@code targetSegment}: every part is read from one encoder pass per target over "sentence [SEP]
 *   mention" (the target's mention as a second segment) instead of the sentence alone: what the fine-tuned
 *   encoder was trained on.</li>
 * </ul>
 */
public record FeatureSettings(boolean sentence, boolean cls, int contextWindow, boolean pair, boolean targetSegment) {

    /** What the frozen-encoder models use (chosen on the dev carve; see models/README.md). */
    public static final FeatureSettings DEFAULT = new FeatureSettings(true, true, 6, false);

    /** What a fine-tuned encoder's head reads: the target's wordpieces and [CLS], from "sentence [SEP] mention". */
    public static final FeatureSettings FINE_TUNED = new FeatureSettings(false, true, 0, false, true);

    /**
     * What a one-pass fine-tuned encoder's head reads: the target's wordpieces, the sentence's and [CLS], all from
     * one pass over the sentence alone (shared by every target of the sentence and by the sentiment head).
     */
    public static final FeatureSettings ONE_PASS = new FeatureSettings(true, true, 0, false, false);

    public FeatureSettings(boolean sentence, boolean cls, int contextWindow, boolean pair) {
        this(sentence, cls, contextWindow, pair, false);
    }

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
                + (contextWindow > 0 ? "+context" + contextWindow : "") + (pair ? "+pair" : "")
                + (targetSegment ? "+segment" : "");
    }
}
