package io.newsstance.encoder;

import io.newsstance.encoder.MiniLmEncoder;
import java.util.List;

/**
 * A sentence encoder that yields one contextual state per wordpiece, with the character span of each wordpiece,
 * so that a target's character span can be mapped onto its wordpieces. An interface so that the frozen MiniLM
 * ({@link MiniLmEncoder}) can later be swapped for a fine-tuned encoder.
 */
public interface TokenEncoder extends AutoCloseable {

    /** Name + sha256 of the model bytes it runs. */
    EncoderIdentity identity();

    /** Size of each wordpiece state (384 for MiniLM). */
    int dimension();

    /** Longest sequence the encoder sees, [CLS] and [SEP] included (128 for MiniLM); longer sentences lose their tail. */
    int maxWordpieces();

    /**
     * Each sentence encoded on its own terms: the result for a sentence must not depend on the other sentences in
     * the list (pad per batch, mask padding). Results are in input order. Thread-safe.
     */
    List<EncodedSentence> encode(List<String> sentences);

    /**
     * Each text encoded together with a second segment ("[CLS] text [SEP] second [SEP]", segment ids 0 then 1),
     * as target-aware fine-tuned models read a sentence and a target's mention. Only the first segment's
     * wordpieces carry char spans. Thread-safe; results in input order and independent of the batch.
     */
    List<EncodedSentence> encodePairs(List<String> texts, List<String> seconds);

    /**
     * This encoder with some weights replaced (names as in {@link OnnxWeights}). The replacements are kept as
     * half-precision differences from this encoder's weights ({@link EncoderDelta}), so the result runs exactly
     * what a model file can store. The result is closed with this one.
     */
    default TokenEncoder withWeights(String name, java.util.Map<String, float[]> weights) {
        return withDelta(name, EncoderDelta.of(identity(), weights, this::weight));
    }

    /** This encoder with a stored delta applied (as read from a model file); closed with this one. */
    TokenEncoder withDelta(String name, EncoderDelta delta);

    /** The values of a named weight of this encoder (names as in {@link OnnxWeights}). */
    float[] weight(String name);

    /** For an encoder made by {@link #withWeights}: its base and the weights it replaced. */
    default java.util.Optional<EncoderDelta> delta() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
