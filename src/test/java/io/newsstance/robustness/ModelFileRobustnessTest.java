package io.newsstance.robustness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstance.StanceClassifier;
import io.newsstance.api.BadInputException;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.io.Json;
import io.newsstance.model.FeatureSettings;
import io.newsstance.model.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken model files give a clear one-line error naming the file, never a model that answers wrongly. The
 * files are the shipped model with its model.json edited or its bytes damaged, so nothing depends on the
 * model's probabilities. (Truncation, flipped bytes and a foreign encoder are also in StanceModelTrainingTest.)
 */
class ModelFileRobustnessTest {

    private static MiniLmEncoder encoder;
    private static byte[] shipped;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        encoder = MiniLmEncoder.load();
        shipped = StanceClassifier.defaultModelBytes();
        ModelFile.read(new ByteArrayInputStream(shipped), "shipped", encoder); // the starting point is good
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** The shipped model with {@code edit} applied to its model.json, and {@code drop} entries left out. */
    private static Path edited(String name, Consumer<ObjectNode> edit, String... drop) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(shipped))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(entries.get("model.json"));
        edit.accept(json);
        entries.put("model.json", Json.MAPPER.writeValueAsBytes(json));
        Arrays.stream(drop).forEach(entries::remove);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /** Reading {@code file} fails with one line that names the file and says {@code what}. */
    private static void fails(Path file, String what) {
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.read(file, encoder));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(1, e.problems().size());
    }

    @Test
    void anotherFormatVersionIsRefusedWithTheVersionsNamed() throws IOException {
        fails(edited("v3.zip", j -> j.put("format_version", 3)),
                "model format version 3 is not supported by this newsstance (it reads versions 1 and 2)");
        fails(edited("v0.zip", j -> j.put("format_version", 0)), "model format version 0 is not supported");
        fails(edited("noversion.zip", j -> j.remove("format_version")), "has no format_version");
        fails(edited("otherformat.zip", j -> j.put("format", "some-other-model")), "not a newsstance stance model");
    }

    @Test
    void inconsistentSettingsAndShapesAreRefusedNotRun() throws IOException {
        // the shipped model is fine-tuned: its base encoder must be this one, its weights must rebuild its encoder
        fails(edited("encoder.zip", j -> ((ObjectNode) j.get("encoder").get("base")).put("sha256", "0".repeat(64))),
                "retrain the model for this encoder");
        fails(edited("tuned.zip", j -> ((ObjectNode) j.get("encoder")).put("sha256", "0".repeat(64))),
                "the fine-tuned weights do not rebuild the encoder the model recorded");
        fails(edited("badsettings.zip", j -> ((ObjectNode) j.get("features")).put("context_window", -3)),
                "bad feature settings");
        fails(edited("dimension.zip", j -> j.put("feature_dimension", 999)), "feature dimension 999");
        // Settings and dimension agree with each other, but not with the network: it must not run on them.
        fails(edited("network.zip", j -> {
            ObjectNode f = (ObjectNode) j.get("features");
            boolean sentence = !f.path("sentence").asBoolean();
            FeatureSettings changed = new FeatureSettings(sentence, f.path("cls").asBoolean(),
                    f.path("context_window").asInt(), f.path("pair").asBoolean(false),
                    f.path("target_segment").asBoolean(false));
            f.put("sentence", sentence);
            j.put("feature_dimension", changed.parts() * MiniLmEncoder.DIMENSION);
        }), "the stance network takes");
        fails(edited("card.zip", j -> j.put("card", "oops")), "corrupt model file");
        fails(edited("missing.zip", j -> { }, "stance-network.zip"), "entry stance-network.zip is missing");
    }

    @Test
    void damagedAndForeignFilesAreRefused() throws IOException {
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(shipped, shipped.length / 2));
        fails(truncated, "corrupt or truncated model file");
        Path flipped = dir.resolve("flipped.zip");
        byte[] damaged = shipped.clone();
        for (int i = shipped.length / 3; i < shipped.length / 3 + 64; i++) {
            damaged[i] ^= 0x5a;
        }
        Files.write(flipped, damaged);
        fails(flipped, "corrupt");
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        fails(empty, "not a newsstance model file");
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a model");
        fails(text, "not a newsstance model file");
        fails(dir.resolve("absent.zip"), "no such model file");
        Path directory = Files.createDirectories(dir.resolve("folder.zip"));
        fails(directory, "is a directory, not a model file");
    }

    @Test
    void scoreWithABadModelExitsWithOneAndOneLine(@TempDir Path work) throws IOException {
        Path article = Files.writeString(work.resolve("a.txt"), "Seoul condemned Pyongyang's launch.");
        Path out = work.resolve("out.jsonl");
        for (Path bad : new Path[]{edited("v3.zip", j -> j.put("format_version", 3)), dir.resolve("truncated2.zip")}) {
            if (!Files.exists(bad)) {
                Files.write(bad, Arrays.copyOf(shipped, shipped.length / 3));
            }
            Cli.Result r = Cli.run("score", "--model", bad.toString(), "--out", out.toString(), article.toString());
            r.assertNoCrash();
            assertEquals(1, r.exit(), r.stderr());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("newsstance: " + bad + ": "), r.err());
            assertFalse(Files.exists(out), "nothing written with a bad model");
        }
    }
}
