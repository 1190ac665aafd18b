package io.newsstance.finetune;

/**
 * Shape of a BERT encoder: all-MiniLM-L6-v2 is {@link #MINILM_L6}; tests use tiny random configurations.
 *
 * @param vocab         wordpiece vocabulary size
 * @param hidden        width of every token state
 * @param layers        transformer layers
 * @param heads         attention heads per layer ({@code hidden} must divide by it)
 * @param intermediate  width of the feed-forward layer
 * @param maxPositions  longest sequence with a position embedding
 * @param typeVocab     token type (segment) ids
 * @param layerNormEps  epsilon of every LayerNorm
 */
public record MiniLmConfig(int vocab, int hidden, int layers, int heads, int intermediate, int maxPositions,
                           int typeVocab, double layerNormEps) {

    public static final MiniLmConfig MINILM_L6 = new MiniLmConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12);

    /** The shape of a base encoder: all three are MiniLM-L6's but for the number of layers. */
    public static MiniLmConfig of(io.newsstance.encoder.BaseEncoder base) {
        return new MiniLmConfig(MINILM_L6.vocab, MINILM_L6.hidden, base.layers(), MINILM_L6.heads,
                MINILM_L6.intermediate, MINILM_L6.maxPositions, MINILM_L6.typeVocab, MINILM_L6.layerNormEps);
    }

    public MiniLmConfig {
        if (vocab < 1 || hidden < 1 || layers < 1 || heads < 1 || hidden % heads != 0 || intermediate < 1
                || maxPositions < 1 || typeVocab < 1 || layerNormEps <= 0) {
            throw new IllegalArgumentException("invalid encoder configuration");
        }
    }

    public int headSize() {
        return hidden / heads;
    }

    /** Number of weights in one transformer layer. */
    public long layerParameters() {
        long h = hidden;
        return 4 * (h * h + h) + 2 * h * intermediate + intermediate + h + 4 * h;
    }
}
