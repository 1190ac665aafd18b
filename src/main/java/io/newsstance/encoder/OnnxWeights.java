package io.newsstance.encoder;

import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fp32 weights of a BERT-style ONNX graph (all-MiniLM-L6-v2), read straight from its initializers with the
 * ONNX protobuf classes that nd4j-api ships, under their HuggingFace names ({@code
 * encoder.layer.0.attention.self.query.weight}), and written back into a copy of the same graph.
 *
 * <p>The exporter names bias and LayerNorm tensors after their module but gives the matmul weights anonymous
 * names ({@code onnx::MatMul_787}); they are named here after the MatMul node that reads them (its output
 * {@code /encoder/layer.0/attention/self/query/MatMul_output_0} gives {@code
 * encoder.layer.0.attention.self.query.weight}). Matmul weights are stored [in, out], as MatMul uses them.
 */
public final class OnnxWeights {

    private static final String MATMUL_SUFFIX = "/MatMul_output_0";

    private final Onnx.ModelProto model;
    /** HuggingFace name to initializer name. */
    private final Map<String, String> initializerOf;
    private final Map<String, Onnx.TensorProto> tensors;

    private OnnxWeights(Onnx.ModelProto model, Map<String, String> initializerOf, Map<String, Onnx.TensorProto> tensors) {
        this.model = model;
        this.initializerOf = initializerOf;
        this.tensors = tensors;
    }

    public static OnnxWeights read(byte[] onnxModel) {
        Onnx.ModelProto model;
        try {
            model = Onnx.ModelProto.parseFrom(onnxModel);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, Onnx.TensorProto> byInitializer = new HashMap<>();
        for (Onnx.TensorProto t : model.getGraph().getInitializerList()) {
            byInitializer.put(t.getName(), t);
        }
        Map<String, String> initializerOf = new LinkedHashMap<>();
        Map<String, Onnx.TensorProto> tensors = new LinkedHashMap<>();
        for (Onnx.TensorProto t : model.getGraph().getInitializerList()) {
            if (t.getDataType() == Onnx.TensorProto.DataType.FLOAT_VALUE && !t.getName().startsWith("onnx::")) {
                initializerOf.put(t.getName(), t.getName());
                tensors.put(t.getName(), t);
            }
        }
        for (Onnx.NodeProto node : model.getGraph().getNodeList()) {
            if (!node.getOpType().equals("MatMul") || node.getOutputCount() != 1) {
                continue;
            }
            String out = node.getOutput(0);
            for (String input : node.getInputList()) {
                Onnx.TensorProto t = byInitializer.get(input);
                String name = matmulWeightName(out);
                if (t != null && name != null) {
                    initializerOf.put(name, input);
                    tensors.put(name, t);
                }
            }
        }
        return new OnnxWeights(model, Collections.unmodifiableMap(initializerOf), tensors);
    }

    /**
     * The HuggingFace name of the weight a MatMul node reads, from the node's output ({@code
     * /encoder/layer.0/attention/self/query/MatMul_output_0} gives {@code
     * encoder.layer.0.attention.self.query.weight}), or null when the output is not named that way.
     */
    static String matmulWeightName(String matmulOutput) {
        if (!matmulOutput.startsWith("/") || !matmulOutput.endsWith(MATMUL_SUFFIX)) {
            return null;
        }
        return matmulOutput.substring(1, matmulOutput.length() - MATMUL_SUFFIX.length()).replace('/', '.') + ".weight";
    }

    /** HuggingFace names of all fp32 weights, in graph order. */
    public Set<String> names() {
        return initializerOf.keySet();
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** The name of the graph initializer that holds the weight (HuggingFace name). */
    public String initializerName(String name) {
        tensor(name);
        return initializerOf.get(name);
    }

    public long[] shape(String name) {
        return tensor(name).getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** The weight's values in row-major order. */
    public float[] values(String name) {
        Onnx.TensorProto t = tensor(name);
        if (t.getFloatDataCount() > 0) {
            float[] out = new float[t.getFloatDataCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.getFloatData(i);
            }
            return out;
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.remaining() / Float.BYTES];
        raw.asFloatBuffer().get(out);
        return out;
    }

    /**
     * The serialised graph with the given weights replaced (HuggingFace name to row-major values of the same
     * shape); every other byte of the graph is kept.
     */
    public byte[] patched(Map<String, float[]> replacements) {
        Map<String, float[]> byInitializer = new HashMap<>();
        replacements.forEach((name, values) -> {
            long expected = Arrays.stream(shape(name)).reduce(1, (a, b) -> a * b);
            if (values.length != expected) {
                throw new IllegalArgumentException(name + " has " + expected + " values, got " + values.length);
            }
            byInitializer.put(initializerOf.get(name), values);
        });
        Onnx.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            float[] values = byInitializer.get(graph.getInitializer(i).getName());
            if (values != null) {
                ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                raw.asFloatBuffer().put(values);
                graph.setInitializer(i, graph.getInitializer(i).toBuilder().clearFloatData()
                        .setRawData(ByteString.copyFrom(raw.array())));
            }
        }
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    /**
     * The serialised graph with the inner value {@code valueName} (e.g. {@code
     * /encoder/layer.3/output/LayerNorm/Add_1_output_0}) added as an fp32 graph output, so that ONNX Runtime
     * returns the states a layer hands to the next.
     */
    public byte[] exposing(String valueName) {
        boolean produced = model.getGraph().getNodeList().stream().anyMatch(n -> n.getOutputList().contains(valueName));
        if (!produced) {
            throw new IllegalArgumentException("no node of the ONNX graph produces " + valueName);
        }
        Onnx.ValueInfoProto output = Onnx.ValueInfoProto.newBuilder().setName(valueName)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(Onnx.TypeProto.Tensor.newBuilder()
                        .setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE)))
                .build();
        return model.toBuilder().setGraph(model.getGraph().toBuilder().addOutput(output)).build().toByteArray();
    }

    private Onnx.TensorProto tensor(String name) {
        Onnx.TensorProto t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the ONNX graph has no fp32 weight named " + name);
        }
        return t;
    }
}
