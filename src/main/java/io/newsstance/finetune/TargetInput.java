package io.newsstance.finetune;

import io.newsstance.model.FeatureSettings;

/**
 * What the fine-tuned encoder reads for a target, and so how many encoder passes scoring a sentence costs.
 */
public enum TargetInput {

    /**
     * "sentence [SEP] mention": the target's mention as a second segment, so every wordpiece attends to the
     * target; one pass per target, plus one over the sentence alone for its sentiment. The head pools the
     * target's wordpieces and [CLS].
     */
    SEGMENT(FeatureSettings.FINE_TUNED),

    /**
     * The sentence alone: one pass per sentence gives the stance toward each of its targets and its sentiment.
     * The head pools the target's wordpieces, the sentence's and [CLS]; what tells targets apart is the state of
     * each target's own wordpieces, which the trained layers learn to fill with how the sentence treats it.
     */
    SENTENCE(FeatureSettings.ONE_PASS);

    private final FeatureSettings features;

    TargetInput(FeatureSettings features) {
        this.features = features;
    }

    /** How the served model reads the encoder's states: what the head was trained on. */
    public FeatureSettings features() {
        return features;
    }

    /** Pooled states per target in the head's input. */
    public int parts() {
        return features.parts();
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
