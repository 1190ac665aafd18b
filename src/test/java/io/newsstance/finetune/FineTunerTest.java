package io.newsstance.finetune;

import io.newsstance.api.BadInputException;
import io.newsstance.api.Prediction;
import io.newsstance.data.StanceExample;
import io.newsstance.data.TrainingDataReader;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.ModelFile;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Target;
import io.newsstance.training.TrainingData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fine-tunes the real encoder's top layer on a slice of the team corpus: a run cut in the middle resumes from its
 * checkpoint to the same weights as an uncut run; the model file holds only the changed weights, reads back to
 * the same predictions through ONNX Runtime, and refuses damaged or mismatched weights.
 */
class FineTunerTest {

    private static final FineTuneSettings SETTINGS = new FineTuneSettings(2, 8, 11, 1e-4, 3e-3, 0.2, 0.01, 1, 16,
            0.9, 2);
    private static List<StanceExample> train;
    private static List<StanceExample> dev;
    private static MiniLmEncoder encoder;
    private static StanceModel model;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    @TempDir
    static Path dir;

    @BeforeAll
    static void trainOnce() {
        List<StanceExample> all = new TrainingDataReader().readAll(List.of(Path.of("training-data/stance-dev.csv")));
        train = all.subList(0, 40);
        dev = all.subList(40, 56);
        encoder = MiniLmEncoder.load();
        model = new FineTuneTrainer(SETTINGS, encoder, new FeatureCache(dir.resolve("cache")), QUIET, null)
                .train(new TrainingData(train, dev, List.of(), List.of(), 0));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void aRunCutAfterAnyStepResumesFromItsCheckpointToTheSameWeights() {
        FineTuner.Result uncut = new FineTuner(SETTINGS, QUIET, null).train(train, dev);
        Path checkpoint = dir.resolve("cut.checkpoint");
        FineTuner cut = new FineTuner(SETTINGS, QUIET, checkpoint);
        cut.stopAfterSteps(7); // 5 steps an epoch: killed in epoch 2, one step after the checkpoint of step 6
        assertThrows(FineTuner.StoppedForTest.class, () -> cut.train(train, dev));
        assertTrue(Files.isRegularFile(checkpoint));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FineTuner.Result resumed = new FineTuner(SETTINGS, new PrintStream(log), checkpoint).train(train, dev);
        assertTrue(log.toString().contains("resuming from " + checkpoint + " at step 6 of 10"), log.toString());
        assertEquals(6, resumed.resumedAtStep());
        assertTrue(resumed.secondsBeforeResume() > 0, "the cut run's training time travels in the checkpoint");
        assertEquals(0, uncut.resumedAtStep());
        assertEquals(0.0, uncut.secondsBeforeResume());
        assertTrue(resumed.trainSeconds() >= Math.round(resumed.secondsBeforeResume()), "the total includes it");
        assertEquals(uncut.devMacroF1(), resumed.devMacroF1());
        uncut.encoder().halves().forEach((name, h) -> assertArrayEquals(h, resumed.encoder().halves().get(name), name));
        for (Map.Entry<String, INDArray> e : uncut.headWeights().entrySet()) {
            assertEquals(e.getValue(), resumed.headWeights().get(e.getKey()), e.getKey());
        }
        // a checkpoint of other settings is not resumed
        FineTuneSettings other = new FineTuneSettings(2, 8, 12, 1e-4, 3e-3, 0.2, 0.01, 1, 16, 0.9, 2);
        ByteArrayOutputStream otherLog = new ByteArrayOutputStream();
        FineTuner fresh = new FineTuner(other, new PrintStream(otherLog), checkpoint);
        fresh.stopAfterSteps(1);
        assertThrows(FineTuner.StoppedForTest.class, () -> fresh.train(train, dev));
        assertTrue(!otherLog.toString().contains("resuming"), otherLog.toString());
    }

    @Test
    void trainingChangesOnlyTheTopLayerAndTheExportAgreesWithSameDiff() {
        var encoderWeights = model.featurizer().encoder().delta().orElseThrow();
        assertEquals(MiniLmGraph.layerWeights(5), List.copyOf(encoderWeights.halves().keySet()));
        float[] before = encoder.weight("encoder.layer.5.attention.self.query.weight");
        float[] after = model.featurizer().encoder().weight("encoder.layer.5.attention.self.query.weight");
        assertNotEquals(before[0], after[0]);
        double difference = ((Number) model.card().notes().get("export_max_abs_probability_difference")).doubleValue();
        assertTrue(difference < 1e-4, "SameDiff and ONNX Runtime probabilities differ by " + difference);
        assertEquals(2, ((List<?>) model.card().notes().get("stance_dev_macro_f1_per_epoch")).size());
    }

    @Test
    void theModelFileHoldsOnlyTheChangedWeightsAndReadsBackToTheSamePredictions() throws IOException {
        Path file = dir.resolve("tuned.zip");
        ModelFile.write(model, file);
        assertTrue(Files.size(file) < 8_000_000, "one layer should take ~3.5 MB, the file has " + Files.size(file));
        List<Target> targets = dev.stream().map(e -> new Target(e.sentence(), e.target())).toList();
        List<Prediction> expected = model.predict(targets);
        try (MiniLmEncoder other = MiniLmEncoder.load()) {
            StanceModel read = ModelFile.read(file, other);
            assertEquals(expected, read.predict(targets));
            assertEquals(model.featurizer().encoder().identity(), read.featurizer().encoder().identity());
            assertEquals(model.featurizer().settings(), read.featurizer().settings());

            Path damaged = dir.resolve("damaged.zip");
            rewrite(file, damaged, "encoder-weights.bin", bytes -> {
                bytes[bytes.length / 2] ^= 0x10;
                return bytes;
            }, true);
            BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.read(damaged, other));
            assertTrue(e.getMessage().contains("do not rebuild the encoder the model recorded"), e.getMessage());
        }
    }

    /** Copies a model zip, transforming one entry; with {@code fixChecksum} the entry's checksum is updated too. */
    static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<byte[]> change,
                        boolean fixChecksum) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        byte[] changed = change.apply(entries.get(entry));
        entries.put(entry, changed);
        if (fixChecksum) {
            String json = new String(entries.get("model.json"), java.nio.charset.StandardCharsets.UTF_8);
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.newsstance.io.Json.MAPPER.readTree(json);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("entries")).put(entry, ModelFile.sha256(changed));
            entries.put("model.json", io.newsstance.io.Json.pretty(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
