package io.newsstance.model;

import io.newsstance.io.AtomicFile;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.Target;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Encoder features on disk, so that training again on the same data skips the encoder (the slow part). The
 * key is a sha256 over the encoder's identity, the feature settings and every (sentence, span) in order, so a
 * changed input or encoder never reads stale features. A damaged cache file is recomputed.
 */
public final class FeatureCache {

    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** Default location: $NEWSSTANCE_CACHE, else ~/.cache/newsstance/features. */
    public static FeatureCache defaultCache() {
        String env = System.getenv("NEWSSTANCE_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "newsstance");
        return new FeatureCache(base.resolve("features"));
    }

    public float[][] targetFeatures(StanceFeaturizer featurizer, List<Target> targets) {
        MessageDigest md = digest(featurizer, "targets");
        for (Target t : targets) {
            md.update(t.sentence().getBytes(StandardCharsets.UTF_8));
            md.update((t.span().start() + ":" + t.span().end() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return cached(HexFormat.of().formatHex(md.digest()), () -> featurizer.features(targets));
    }

    public float[][] sentenceFeatures(StanceFeaturizer featurizer, List<String> sentences) {
        MessageDigest md = digest(featurizer, "sentences");
        for (String s : sentences) {
            md.update(s.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return cached(HexFormat.of().formatHex(md.digest()), () -> featurizer.sentenceFeatures(sentences));
    }

    private static MessageDigest digest(StanceFeaturizer featurizer, String kind) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((kind + "\n" + featurizer.encoder().identity().sha256() + "\n" + featurizer.settings().key() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return md;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private float[][] cached(String key, Supplier<float[][]> compute) {
        Path file = dir.resolve(key + ".f32");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file);
                 DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
                int rows = data.readInt();
                int cols = data.readInt();
                float[][] x = new float[rows][cols];
                for (float[] row : x) {
                    for (int j = 0; j < cols; j++) {
                        row[j] = data.readFloat();
                    }
                }
                return x;
            } catch (IOException | RuntimeException e) {
                // damaged or partial: fall through and recompute
            }
        }
        float[][] x = compute.get();
        try {
            AtomicFile.write(file, out -> {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
                data.writeInt(x.length);
                data.writeInt(x.length == 0 ? 0 : x[0].length);
                for (float[] row : x) {
                    for (float v : row) {
                        data.writeFloat(v);
                    }
                }
                data.flush();
            });
        } catch (RuntimeException e) {
            // an unwritable cache only costs time
        }
        return x;
    }
}
