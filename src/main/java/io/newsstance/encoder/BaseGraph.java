package io.newsstance.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.net.URL;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A base encoder's fp32 graph from the classpath (90 MB for MiniLM-L6, 133 MB for the 12-layer ones), read once
 * into a direct (off-heap) buffer that ONNX Runtime parses in place, with its sha256 and the index of its
 * weights; buffer and index are kept under soft references (read again if the memory went).
 *
 * <p>Off-heap and not a byte[]: a byte[] handed to ONNX Runtime is copied into native memory first, and the Java
 * heap, once grown to hold it, stays resident; together that was 90 MB of a one-sentence {@code score}'s peak
 * (measured 2026-12-04, models/README.md, "Start-up").
 */
final class BaseGraph {

    private static final Map<BaseEncoder, SoftReference<ByteBuffer>> BUFFERS = new EnumMap<>(BaseEncoder.class);
    private static final Map<BaseEncoder, SoftReference<GraphInitializers>> INDEX = new EnumMap<>(BaseEncoder.class);
    private static final Map<BaseEncoder, String> SHA256 = new EnumMap<>(BaseEncoder.class);

    private BaseGraph() {
    }

    /** The graph's bytes, off-heap and read-only (each caller gets its own position and limit). */
    static synchronized ByteBuffer buffer(BaseEncoder base) {
        SoftReference<ByteBuffer> ref = BUFFERS.get(base);
        ByteBuffer b = ref == null ? null : ref.get();
        if (b == null) {
            b = read(base).asReadOnlyBuffer();
            BUFFERS.put(base, new SoftReference<>(b));
        }
        return b.duplicate();
    }

    /** The graph's bytes on the heap (a copy: training rewrites the graph with the protobuf classes). */
    static byte[] bytes(BaseEncoder base) {
        ByteBuffer b = buffer(base);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static synchronized String sha256(BaseEncoder base) {
        return SHA256.computeIfAbsent(base, b -> {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(buffer(b));
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Where the graph's weights lie (see {@link GraphInitializers}); values are read from {@link #buffer}. */
    static synchronized GraphInitializers initializers(BaseEncoder base) {
        SoftReference<GraphInitializers> ref = INDEX.get(base);
        GraphInitializers index = ref == null ? null : ref.get();
        if (index == null) {
            index = GraphInitializers.read(buffer(base));
            INDEX.put(base, new SoftReference<>(index));
        }
        return index;
    }

    private static ByteBuffer read(BaseEncoder base) {
        URL url = BaseGraph.class.getResource(base.graphResource());
        if (url == null) {
            // the same message as for any other missing resource
            ClasspathResources.open(base.graphResource(), base.artifact());
        }
        try {
            var connection = url.openConnection();
            long size = connection.getContentLengthLong();
            try (InputStream in = connection.getInputStream()) {
                if (size < 0 || size > Integer.MAX_VALUE) {
                    byte[] all = in.readAllBytes();
                    return ByteBuffer.allocateDirect(all.length).put(all).flip();
                }
                ByteBuffer out = ByteBuffer.allocateDirect((int) size);
                byte[] chunk = new byte[1 << 20];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    if (n > out.remaining()) {
                        throw new IOException("longer than its stated " + size + " bytes");
                    }
                    out.put(chunk, 0, n);
                }
                if (out.hasRemaining()) {
                    throw new IOException("shorter than its stated " + size + " bytes");
                }
                return out.flip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.graphResource(), e);
        }
    }
}
