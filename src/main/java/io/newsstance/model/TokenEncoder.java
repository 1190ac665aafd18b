package io.newsstance.model;

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

    @Override
    void close();
}
