package io.newsstance.encoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each fp32 weight of a serialised ONNX graph lies, found by walking the protobuf wire format once without
 * copying anything: its shape, its graph initializer name and the offset of its values. Loading a fine-tuned model
 * needs only the base values of the tuned layers (28 MB of MiniLM's 90 MB) and their shapes; parsing the whole
 * graph into protobuf objects, as {@link OnnxWeights} does for training, copied all 90 MB onto the heap and took
 * about 0.4 s of a one-sentence {@code score} (measured 2026-12-04, models/README.md, "Start-up").
 *
 * <p>Weights are named as {@link OnnxWeights} names them (HuggingFace names; matmul weights after the MatMul node
 * that reads them). Field numbers are those of onnx.proto3: ModelProto.graph = 7; GraphProto.node = 1,
 * .initializer = 5; NodeProto.input = 1, .output = 2, .op_type = 4; TensorProto.dims = 1, .data_type = 2,
 * .float_data = 4, .name = 8, .raw_data = 9.
 */
final class GraphInitializers {

    private static final int FLOAT = 1; // TensorProto.DataType.FLOAT

    /** One initializer: its shape and where its little-endian fp32 values lie in the graph's bytes. */
    private record Tensor(String initializer, long[] shape, int offset, int length) {
    }

    private final ByteBuffer graph;
    private final Map<String, Tensor> byName;

    private GraphInitializers(ByteBuffer graph, Map<String, Tensor> byName) {
        this.graph = graph;
        this.byName = byName;
    }

    /** Indexes {@code graph} (a serialised ModelProto; read, not kept beyond this object's values()). */
    static GraphInitializers read(ByteBuffer graph) {
        ByteBuffer g = graph.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<String[]> matmuls = new ArrayList<>(); // {output, input...}
        try {
            Wire model = new Wire(g, 0, g.limit());
            while (model.more()) {
                int tag = model.tag();
                if (tag >>> 3 == 7 && (tag & 7) == 2) {
                    Wire graphProto = model.message();
                    while (graphProto.more()) {
                        int t = graphProto.tag();
                        if (t >>> 3 == 1 && (t & 7) == 2) {
                            node(graphProto.message(), matmuls);
                        } else if (t >>> 3 == 5 && (t & 7) == 2) {
                            Tensor tensor = tensor(graphProto.message());
                            if (tensor != null) {
                                initializers.put(tensor.initializer(), tensor);
                            }
                        } else {
                            graphProto.skip(t);
                        }
                    }
                } else {
                    model.skip(tag);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, Tensor> byName = new LinkedHashMap<>();
        initializers.forEach((name, t) -> {
            if (!name.startsWith("onnx::")) {
                byName.put(name, t);
            }
        });
        for (String[] node : matmuls) {
            String out = node[0];
            for (int i = 1; i < node.length; i++) {
                Tensor t = initializers.get(node[i]);
                String name = OnnxWeights.matmulWeightName(out);
                if (t != null && name != null) {
                    byName.put(name, t);
                }
            }
        }
        return new GraphInitializers(graph, Collections.unmodifiableMap(byName));
    }

    Set<String> names() {
        return byName.keySet();
    }

    String initializerName(String name) {
        return tensor(name).initializer();
    }

    long[] shape(String name) {
        return tensor(name).shape().clone();
    }

    /** The weight's values in row-major order (a copy). */
    float[] values(String name) {
        Tensor t = tensor(name);
        float[] out = new float[t.length() / Float.BYTES];
        graph.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(t.offset()).limit(t.offset() + t.length())
                .slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private Tensor tensor(String name) {
        Tensor t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the ONNX graph has no fp32 weight named " + name);
        }
        return t;
    }

    private static void node(Wire node, List<String[]> matmuls) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String op = "";
        while (node.more()) {
            int t = node.tag();
            switch (t) {
                case (1 << 3) | 2 -> inputs.add(node.string());
                case (2 << 3) | 2 -> outputs.add(node.string());
                case (4 << 3) | 2 -> op = node.string();
                default -> node.skip(t);
            }
        }
        if (op.equals("MatMul") && outputs.size() == 1) {
            List<String> entry = new ArrayList<>();
            entry.add(outputs.get(0));
            entry.addAll(inputs);
            matmuls.add(entry.toArray(String[]::new));
        }
    }

    /** The tensor, or null when it is not fp32 with its values in the graph. */
    private static Tensor tensor(Wire tensor) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = null;
        int offset = -1;
        int length = 0;
        while (tensor.more()) {
            int t = tensor.tag();
            switch (t) {
                case (1 << 3) -> dims.add(tensor.varint());
                case (1 << 3) | 2 -> {
                    Wire packed = tensor.message();
                    while (packed.more()) {
                        dims.add(packed.varint());
                    }
                }
                case (2 << 3) -> type = (int) tensor.varint();
                case (8 << 3) | 2 -> name = tensor.string();
                case (9 << 3) | 2, (4 << 3) | 2 -> { // raw_data, or packed float_data: both little-endian fp32
                    int n = (int) tensor.varint();
                    offset = tensor.position();
                    length = n;
                    tensor.advance(n);
                }
                default -> tensor.skip(t);
            }
        }
        if (type != FLOAT || name == null || offset < 0) {
            return null;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count * Float.BYTES != length) {
            throw new IllegalArgumentException("initializer " + name + " holds " + length + " bytes for "
                    + count + " floats");
        }
        return new Tensor(name, shape, offset, length);
    }

    /** A cursor over one message's bytes [position, end) of the protobuf wire format. */
    private static final class Wire {
        private final ByteBuffer buf;
        private int pos;
        private final int end;

        Wire(ByteBuffer buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int position() {
            return pos;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("truncated varint at byte " + pos);
                }
                byte b = buf.get(pos++);
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint at byte " + pos);
        }

        void advance(int n) {
            if (n < 0 || pos + n > end) {
                throw new IllegalArgumentException("field of " + n + " bytes overruns its message at byte " + pos);
            }
            pos += n;
        }

        Wire message() {
            int n = (int) varint();
            int start = pos;
            advance(n);
            return new Wire(buf, start, start + n);
        }

        String string() {
            Wire w = message();
            byte[] b = new byte[w.end - w.pos];
            buf.get(w.pos, b);
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> advance((int) varint());
                case 5 -> advance(4);
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7) + " at byte " + pos);
            }
        }
    }
}
