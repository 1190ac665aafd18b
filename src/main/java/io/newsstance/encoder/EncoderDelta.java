package io.newsstance.encoder;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a fine-tuned encoder changes in its base: for each weight that training replaced (HuggingFace names),
 * its difference from the base in half precision ({@link Half}), and the identity of the base it applies to. A
 * model file stores this instead of the whole encoder; the base comes from the Maven jar. The differences are
 * small, so half precision loses far less than the weights' own scale, and the file is half the size of fp32.
 * The fine-tuned encoder runs {@link #weights()}, base + difference, so a model read back from its file runs
 * exactly the weights it was written with.
 *
 * @param base        identity of the base encoder
 * @param halves      per weight, its difference from the base as IEEE binary16 bits, row-major
 * @param baseValues  per weight name, the base's values (read when needed, not kept)
 */
public record EncoderDelta(EncoderIdentity base, Map<String, short[]> halves, Function<String, float[]> baseValues) {

    private static final int MAGIC = 0x4E534532; // "NSE2": half-precision differences from the base

    /**
     * The base's values are read through {@code baseValues} when needed and not kept: they are the base graph's
     * (off-heap, see BaseGraph), and a heap copy of MiniLM's four tuned layers was 28 MB of a one-sentence
     * {@code score}'s peak (measured 2026-12-04).
     */
    public EncoderDelta {
        halves = Collections.unmodifiableMap(new LinkedHashMap<>(halves));
        for (Map.Entry<String, short[]> e : halves.entrySet()) {
            int baseLength = baseValues.apply(e.getKey()).length;
            if (e.getValue().length != baseLength) {
                throw new IllegalArgumentException(e.getKey() + " has " + e.getValue().length + " values, its base "
                        + baseLength);
            }
        }
    }

    /** The delta that takes {@code base} (name to values) to {@code weights}, rounded to half precision. */
    public static EncoderDelta of(EncoderIdentity base, Map<String, float[]> weights, Function<String, float[]> baseValues) {
        Map<String, short[]> halves = new LinkedHashMap<>();
        weights.forEach((name, to) -> {
            float[] from = baseValues.apply(name);
            if (from.length != to.length) {
                throw new IllegalArgumentException(name + " has " + to.length + " values, its base " + from.length);
            }
            short[] h = new short[to.length];
            for (int i = 0; i < h.length; i++) {
                h[i] = Half.fromFloat(to[i] - from[i]);
            }
            halves.put(name, h);
        });
        return new EncoderDelta(base, halves, baseValues);
    }

    /** The fine-tuned values: base + difference, per weight. */
    public Map<String, float[]> weights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        halves.keySet().forEach(name -> out.put(name, weight(name)));
        return out;
    }

    /** One fine-tuned weight: base + difference. */
    public float[] weight(String name) {
        short[] h = halves.get(name);
        if (h == null) {
            throw new IllegalArgumentException("the delta does not replace " + name);
        }
        float[] from = baseValues.apply(name);
        float[] to = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            to[i] = from[i] + Half.toFloat(h[i]);
        }
        return to;
    }

    /**
     * One fine-tuned weight, base + difference, written into {@code out} from its position on (e.g. a direct
     * buffer that ONNX Runtime reads in place, without a heap copy of the values).
     */
    public void weightInto(String name, java.nio.FloatBuffer out) {
        short[] h = halves.get(name);
        if (h == null) {
            throw new IllegalArgumentException("the delta does not replace " + name);
        }
        float[] from = baseValues.apply(name);
        for (int i = 0; i < h.length; i++) {
            out.put(from[i] + Half.toFloat(h[i]));
        }
    }

    public long parameters() {
        return halves.values().stream().mapToLong(h -> h.length).sum();
    }

    /** Magic, count, then per weight its name, length and differences (binary16, big-endian). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(halves.size());
        for (Map.Entry<String, short[]> e : halves.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (short h : e.getValue()) {
                out.writeShort(h);
            }
        }
    }

    /** Reads what {@link #write} wrote, for the base encoder {@code base} whose weights {@code baseValues} gives. */
    public static EncoderDelta read(DataInputStream in, EncoderIdentity base, Function<String, float[]> baseValues)
            throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an encoder weights entry");
        }
        int count = in.readInt();
        if (count < 0 || count > 10_000) {
            throw new IOException("bad weight count " + count);
        }
        Map<String, short[]> halves = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            int baseLength = baseValues.apply(name).length;
            if (length != baseLength) {
                throw new IOException("weight " + name + " has " + length + " values, its base " + baseLength);
            }
            byte[] raw = new byte[length * 2];
            in.readFully(raw);
            short[] h = new short[length];
            java.nio.ByteBuffer.wrap(raw).asShortBuffer().get(h); // big-endian, as write() writes them
            halves.put(name, h);
        }
        return new EncoderDelta(base, halves, baseValues);
    }
}
