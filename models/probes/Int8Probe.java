import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.encoder.Wordpieces;
import onnx.Onnx;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.nd4j.shade.protobuf.ByteString;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Probe (not part of newsstance): would int8 weights make the encoder fast enough? Rewrites the base
 * all-MiniLM-L6-v2 graph with every weight MatMul as ONNX Runtime's DynamicQuantizeMatMul (weights int8 per
 * column, 7 bits so that AVX2's u8s8 kernels cannot saturate; activations quantised per call), runs each
 * sentence alone (so that a sentence's quantisation scale is its own, whatever its batch neighbours), and
 * compares with fp32 in the length-sorted batches the encoder uses: sentences/s on one ORT thread and how far
 * the int8 token states are from fp32's. Run from the repository root after `mvn package`:
 *
 *   java -cp target/newsstance.jar models/probes/Int8Probe.java [sentences, default 300]
 *
 * Measured 2026-12-04, 2 cores, the other core idle (models/README.md, "Speed"): fp32 in sorted batches 72-80
 * sentences/s, fp32 one sentence a call 63-69, int8 one a call 97-122 (about 1.5 times fp32 batched); the lowest
 * cosine of an int8 token state to its fp32 state 0.968.
 */
public class Int8Probe {

    private static final int QMAX = 63;
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        byte[] fp32 = MiniLmEncoder.baseModel();
        byte[] int8 = quantised(fp32);
        List<String> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("training-data/stance-dev.csv"))) {
            Set<String> seen = new HashSet<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (seen.add(r.get("text")) && texts.size() < n) {
                    texts.add(r.get("text"));
                }
            }
        }
        List<Wordpieces> wp = new ArrayList<>();
        try (MiniLmEncoder encoder = MiniLmEncoder.load()) {
            for (String t : texts) {
                wp.add(encoder.wordpieces(t));
            }
        }
        System.out.printf("%d sentences of training-data/stance-dev.csv, %.1f wordpieces on average; int8 graph %.1f MB%n",
                wp.size(), wp.stream().mapToInt(Wordpieces::length).average().orElse(0), int8.length / 1e6);
        try (OrtSession f = session(fp32); OrtSession q = session(int8)) {
            List<float[]> reference = new ArrayList<>();
            for (Wordpieces w : wp) {
                reference.add(run(f, List.of(w))[0]);
            }
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                for (Wordpieces w : wp) {
                    run(f, List.of(w));
                }
                long t1 = System.nanoTime();
                List<Wordpieces> sorted = new ArrayList<>(wp);
                sorted.sort(Comparator.comparingInt(Wordpieces::length));
                for (int i = 0; i < sorted.size(); i += 32) {
                    run(f, sorted.subList(i, Math.min(sorted.size(), i + 32)));
                }
                long t2 = System.nanoTime();
                double minCos = 1;
                for (int i = 0; i < wp.size(); i++) {
                    float[] y = run(q, List.of(wp.get(i)))[0];
                    float[] r = reference.get(i);
                    for (int t = 0; t < y.length / 384; t++) {
                        double dot = 0, a = 0, b = 0;
                        for (int j = t * 384; j < (t + 1) * 384; j++) {
                            dot += y[j] * r[j];
                            a += y[j] * y[j];
                            b += r[j] * r[j];
                        }
                        minCos = Math.min(minCos, dot / Math.sqrt(a * b));
                    }
                }
                long t3 = System.nanoTime();
                System.out.printf("fp32, sorted batches of 32: %.1f sentences/s | fp32, one a call: %.1f | int8, one a call: "
                        + "%.1f | int8 token states: lowest cosine to fp32 %.4f%n", wp.size() / ((t2 - t1) / 1e9),
                        wp.size() / ((t1 - t0) / 1e9), wp.size() / ((t3 - t2) / 1e9), minCos);
            }
        }
    }

    /** The graph with each MatMul over a 2-D weight replaced by DynamicQuantizeMatMul (int8 weights, per column). */
    static byte[] quantised(byte[] graph) throws Exception {
        Onnx.ModelProto m = Onnx.ModelProto.parseFrom(graph);
        Map<String, Onnx.TensorProto> inits = new HashMap<>();
        for (Onnx.TensorProto t : m.getGraph().getInitializerList()) {
            inits.put(t.getName(), t);
        }
        Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        Set<String> replaced = new HashSet<>();
        List<Onnx.TensorProto> added = new ArrayList<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            Onnx.NodeProto node = g.getNode(i);
            Onnx.TensorProto w = node.getOpType().equals("MatMul") ? inits.get(node.getInput(1)) : null;
            if (w == null || w.getDimsCount() != 2) {
                continue;
            }
            int k = (int) w.getDims(0), cols = (int) w.getDims(1);
            float[] v = new float[k * cols];
            w.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            float[] scale = new float[cols];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < cols; c++) {
                    scale[c] = Math.max(scale[c], Math.abs(v[r * cols + c]));
                }
            }
            for (int c = 0; c < cols; c++) {
                scale[c] = scale[c] == 0 ? 1 : scale[c] / QMAX;
            }
            byte[] q = new byte[k * cols];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < cols; c++) {
                    q[r * cols + c] = (byte) Math.max(-QMAX, Math.min(QMAX, Math.round(v[r * cols + c] / scale[c])));
                }
            }
            String name = node.getInput(1);
            ByteBuffer s = ByteBuffer.allocate(cols * 4).order(ByteOrder.LITTLE_ENDIAN);
            s.asFloatBuffer().put(scale);
            added.add(tensor(name + "_q", Onnx.TensorProto.DataType.INT8_VALUE, q, k, cols));
            added.add(tensor(name + "_s", Onnx.TensorProto.DataType.FLOAT_VALUE, s.array(), cols));
            added.add(tensor(name + "_z", Onnx.TensorProto.DataType.INT8_VALUE, new byte[cols], cols));
            g.setNode(i, node.toBuilder().setOpType("DynamicQuantizeMatMul").setDomain("com.microsoft").clearInput()
                    .addInput(node.getInput(0)).addInput(name + "_q").addInput(name + "_s").addInput(name + "_z").build());
            replaced.add(name);
        }
        List<Onnx.TensorProto> keep = new ArrayList<>();
        for (Onnx.TensorProto t : g.getInitializerList()) {
            if (!replaced.contains(t.getName())) {
                keep.add(t);
            }
        }
        g.clearInitializer().addAllInitializer(keep).addAllInitializer(added);
        return m.toBuilder().setGraph(g).addOpsetImport(Onnx.OperatorSetIdProto.newBuilder()
                .setDomain("com.microsoft").setVersion(1)).build().toByteArray();
    }

    private static Onnx.TensorProto tensor(String name, int type, byte[] raw, long... dims) {
        Onnx.TensorProto.Builder b = Onnx.TensorProto.newBuilder().setName(name).setDataType(type)
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            b.addDims(d);
        }
        return b.build();
    }

    private static OrtSession session(byte[] graph) throws Exception {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return ENV.createSession(graph, o);
    }

    private static float[][] run(OrtSession s, List<Wordpieces> batch) throws Exception {
        int b = batch.size(), w = 0;
        for (Wordpieces x : batch) {
            w = Math.max(w, x.length());
        }
        long[] ids = new long[b * w], mask = new long[b * w], types = new long[b * w];
        for (int i = 0; i < b; i++) {
            Wordpieces x = batch.get(i);
            System.arraycopy(x.ids(), 0, ids, i * w, x.length());
            Arrays.fill(mask, i * w, i * w + x.length(), 1);
        }
        long[] shape = {b, w};
        try (OnnxTensor t1 = OnnxTensor.createTensor(ENV, LongBuffer.wrap(ids), shape);
             OnnxTensor t2 = OnnxTensor.createTensor(ENV, LongBuffer.wrap(mask), shape);
             OnnxTensor t3 = OnnxTensor.createTensor(ENV, LongBuffer.wrap(types), shape);
             OrtSession.Result r = s.run(Map.of("input_ids", t1, "attention_mask", t2, "token_type_ids", t3))) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[][] out = new float[b][];
            for (int i = 0; i < b; i++) {
                out[i] = new float[batch.get(i).length() * 384];
                fb.position(i * w * 384);
                fb.get(out[i]);
            }
            return out;
        }
    }
}
