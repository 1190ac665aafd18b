package io.newsstance.finetune;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * all-MiniLM-L6-v2 (a BERT encoder) written with SameDiff ops, op for op as the ONNX export computes it:
 * embeddings (word + position + token type, LayerNorm), then per layer self-attention with an additive padding
 * mask, residual + LayerNorm, a feed-forward layer with exact (erf) GELU, residual + LayerNorm. Weights are looked
 * up by their HuggingFace names, so the same graph runs on the ONNX file's weights ({@code OnnxWeights}) or on
 * random ones. Batch size and sequence length are free: shapes are read from the inputs at run time.
 *
 * <p>LayerNorm is written out (mean, variance, epsilon) rather than using libnd4j's layer_norm, whose epsilon is
 * not BERT's 1e-12. Matmuls run on [B*T, H] views so that they are plain 2-D GEMMs.
 */
public final class MiniLmGraph {

    private final SameDiff sd;
    private final MiniLmConfig config;
    private final Function<String, SDVariable> weight;

    /**
     * @param weight gives the variable (trainable or constant) of a weight from its HuggingFace name; it is
     *               asked once per weight
     */
    public MiniLmGraph(SameDiff sd, MiniLmConfig config, Function<String, SDVariable> weight) {
        this.sd = sd;
        this.config = config;
        this.weight = weight;
    }

    public static List<String> embeddingWeights() {
        return List.of("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias");
    }

    /** Weights of transformer layer {@code layer} (0-based), in a fixed order. */
    public static List<String> layerWeights(int layer) {
        String p = "encoder.layer." + layer + ".";
        List<String> names = new ArrayList<>();
        for (String m : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense",
                "output.LayerNorm")) {
            names.add(p + m + ".weight");
            names.add(p + m + ".bias");
        }
        return names;
    }

    /** Token states after the embeddings: ids and types are [B, T] integer placeholders. */
    public SDVariable embeddings(SDVariable ids, SDVariable types) {
        SDVariable length = sd.sizeAt(ids, 1);
        SDVariable positions = sd.range(sd.constant(0L), length, sd.constant(1L), DataType.INT64);
        SDVariable words = sd.gather(weight.apply("embeddings.word_embeddings.weight"), ids, 0);
        SDVariable segment = sd.gather(weight.apply("embeddings.token_type_embeddings.weight"), types, 0);
        SDVariable position = sd.gather(weight.apply("embeddings.position_embeddings.weight"), positions, 0);
        return layerNorm(words.add(segment).add(position), "embeddings.LayerNorm", 2);
    }

    /** The additive attention bias [B, 1, 1, T] of a [B, T] mask with 1 for real tokens and 0 for padding. */
    public SDVariable maskBias(SDVariable attentionMask) {
        // ONNX uses -FLT_MAX; any value that makes exp() underflow to 0 gives the same probabilities.
        SDVariable bias = attentionMask.rsub(1.0).mul(-1e9);
        return sd.expandDims(sd.expandDims(bias, 1), 1);
    }

    /** Transformer layer {@code layer} over states x [B, T, H]. */
    public SDVariable layer(int layer, SDVariable x, SDVariable maskBias) {
        String p = "encoder.layer." + layer + ".";
        int h = config.hidden();
        SDVariable bt = sd.slice(sd.shape(x), new int[] {0}, 2); // [B, T] as a shape vector
        SDVariable headShape = sd.concat(0, bt, sd.constant(Nd4j.createFromArray((long) config.heads(),
                config.headSize())));
        SDVariable flat = sd.reshape(x, -1, h);
        SDVariable q = heads(dense(flat, p + "attention.self.query"), headShape);
        SDVariable k = heads(dense(flat, p + "attention.self.key"), headShape);
        SDVariable v = heads(dense(flat, p + "attention.self.value"), headShape);
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(config.headSize())).add(maskBias);
        SDVariable probabilities = sd.nn.softmax(scores, 3);
        SDVariable context = sd.permute(sd.mmul(probabilities, v), 0, 2, 1, 3); // [B, T, heads, headSize]
        SDVariable contextFlat = sd.reshape(context, -1, h);
        SDVariable attended = layerNorm(dense(contextFlat, p + "attention.output.dense").add(flat),
                p + "attention.output.LayerNorm", 1);
        SDVariable inner = gelu(dense(attended, p + "intermediate.dense"));
        SDVariable out = layerNorm(dense(inner, p + "output.dense").add(attended), p + "output.LayerNorm", 1);
        SDVariable outShape = sd.concat(0, bt, sd.constant(Nd4j.createFromArray((long) h)));
        return sd.reshape(out, outShape);
    }

    /** Layers {@code from} (inclusive) to the last over states x. */
    public SDVariable layers(int from, SDVariable x, SDVariable maskBias) {
        SDVariable states = x;
        for (int i = from; i < config.layers(); i++) {
            states = layer(i, states, maskBias);
        }
        return states;
    }

    private SDVariable dense(SDVariable flat, String module) {
        return flat.mmul(weight.apply(module + ".weight")).add(weight.apply(module + ".bias"));
    }

    private SDVariable heads(SDVariable flat, SDVariable headShape) {
        return sd.permute(sd.reshape(flat, headShape), 0, 2, 1, 3); // [B, heads, T, headSize]
    }

    /** LayerNorm over {@code axis}, the last axis of x. */
    private SDVariable layerNorm(SDVariable x, String module, int axis) {
        SDVariable centred = x.sub(x.mean(true, axis));
        SDVariable variance = centred.mul(centred).mean(true, axis);
        SDVariable normalised = centred.div(sd.math.sqrt(variance.add(config.layerNormEps())));
        return normalised.mul(weight.apply(module + ".weight")).add(weight.apply(module + ".bias"));
    }

    /** Exact GELU: x * (1 + erf(x / sqrt 2)) / 2, as the ONNX graph computes it. */
    private SDVariable gelu(SDVariable x) {
        return x.mul(sd.math.erf(x.mul(1.0 / Math.sqrt(2.0))).add(1.0)).mul(0.5);
    }
}
