package io.newsstance.model;

import io.newsstance.api.BadInputException;
import io.newsstance.api.Prediction;
import io.newsstance.api.Span;
import io.newsstance.data.DyadExample;
import io.newsstance.data.DyadFileReader;
import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.evaluation.DyadEvaluator;
import io.newsstance.evaluation.Evaluation;
import io.newsstance.io.Json;
import io.newsstance.training.DyadHeadTrainer;
import io.newsstance.training.TrainingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains a real (small) dyad head with the real encoder on the shipped stance model, and checks what a dyad head
 * must do: read the same encoder pass as the stance head, depend on the pair's order, travel in the model file
 * and load back bit for bit, and fail clearly when its entries are broken.
 */
class DyadHeadTest {

    private static MiniLmEncoder encoder;
    private static StanceModel base;
    private static StanceModel trained;
    private static List<DyadExample> train;
    @TempDir
    static Path dir;

    @BeforeAll
    static void trainOnce() {
        encoder = MiniLmEncoder.load();
        // pair-v1 has no dyad head; its stance head reads "sentence [SEP] mention", its sentence pass serves dyads
        base = ModelFile.read(Path.of("models", "pair-v1.zip"), encoder);
        train = new DyadFileReader().read(Path.of("training-data", "dyads-dev.csv")).dyads().subList(0, 600);
        TrainingSettings settings = new TrainingSettings(12, 32, 7, 12, 1e-3, 64, 0.9, 1e-4, FeatureSettings.DEFAULT);
        // with the stance head's probabilities too (--stance-features), so that path is covered as well
        trained = new DyadHeadTrainer(settings, new DyadFeatureSettings(true, true),
                new PrintStream(new ByteArrayOutputStream()))
                .train(base, train, List.of(), List.of(), List.of());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void aRealHeadFitsItsTrainingDyadsAndLeavesTheStanceHeadAlone() {
        Evaluation onTrain = new DyadEvaluator().evaluate(trained, train);
        assertTrue(onTrain.macroF1() > 0.6, "a real network fits its training dyads: " + onTrain.macroF1());
        Target t = new Target(train.get(0).sentence(), train.get(0).target());
        assertEquals(base.predict(List.of(t)), trained.predict(List.of(t)), "the stance head is untouched");
        assertTrue(trained.card().notes().containsKey("dyad_head"));
    }

    @Test
    void aNewHeadDropsTheScoresOfTheHeadItReplaces() {
        StanceModel withOldScores = trained.withCard(trained.card()
                .withMetric("dyad_test:old.csv", Map.of("macro_f1", 0.5))
                .withMetric("directed_test:old.tsv", Map.of("macro_f1", 0.4)));
        TrainingSettings oneEpoch = new TrainingSettings(1, 32, 7, 1, 1e-3, 64, 0.9, 1e-4, FeatureSettings.DEFAULT);
        StanceModel again = new DyadHeadTrainer(oneEpoch, new DyadFeatureSettings(true, false),
                new PrintStream(new ByteArrayOutputStream()))
                .train(withOldScores, train.subList(0, 100), train.subList(100, 200), List.of(), List.of());
        assertFalse(again.card().metrics().containsKey("dyad_test:old.csv"), again.card().metrics().keySet().toString());
        assertFalse(again.card().metrics().containsKey("directed_test:old.tsv"));
        assertTrue(again.card().metrics().containsKey("dyad_dev"), "the new head's own dev score is recorded");
        assertTrue(again.card().metrics().keySet().stream().anyMatch(k -> !DyadHeadTrainer.isDyadMetric(k)),
                "the stance scores stay: " + again.card().metrics().keySet());
    }

    @Test
    void dyadsComeFromTheStancePassAndDoNotDependOnTheirNeighbours() {
        List<DyadTarget> dyads = DyadEvaluator.targets(train.subList(0, 40));
        List<String> sentences = dyads.stream().map(DyadTarget::sentence).distinct().toList();
        List<Prediction> together = trained.analyse(sentences, List.of(), dyads).dyads();
        assertEquals(together, trained.dyads(dyads));
        for (int i = 0; i < dyads.size(); i += 7) {
            // float arithmetic over another batch shape moves the last digits only (as for the stance head)
            Prediction alone = trained.dyads(List.of(dyads.get(i))).get(0);
            assertEquals(together.get(i).label(), alone.label(), "dyad " + i + " alone");
            assertEquals(together.get(i).pNegative(), alone.pNegative(), 1e-6, "dyad " + i + " alone");
            assertEquals(together.get(i).pPositive(), alone.pPositive(), 1e-6, "dyad " + i + " alone");
        }
    }

    @Test
    void swappingThePairSwapsItsTwoEndsAndNothingElse() {
        DyadFeaturizer f = trained.dyadFeaturizer().orElseThrow();
        String s = "Washington accused Tehran of arming the Houthis in Yemen.";
        Map<String, EncodedSentence> encoded = trained.featurizer().encode(List.of(s));
        Span usa = new Span(0, 10);
        Span iran = new Span(19, 25);
        float[][] x = f.features(encoded, List.of(new DyadTarget(s, usa, iran), new DyadTarget(s, iran, usa)));
        int d = encoder.dimension();
        assertArrayEquals(Arrays.copyOfRange(x[0], 0, d), Arrays.copyOfRange(x[1], d, 2 * d));
        assertArrayEquals(Arrays.copyOfRange(x[0], d, 2 * d), Arrays.copyOfRange(x[1], 0, d));
        int pooled = f.settings().parts() * d;
        assertArrayEquals(Arrays.copyOfRange(x[0], 2 * d, pooled), Arrays.copyOfRange(x[1], 2 * d, pooled),
                "between, sentence and [CLS] are the pair's, whatever its order");
        assertEquals(pooled + 6, x[0].length, "the stance head's probabilities toward A and toward B follow");
        assertArrayEquals(Arrays.copyOfRange(x[0], pooled, pooled + 3), Arrays.copyOfRange(x[1], pooled + 3, pooled + 6));
        assertArrayEquals(Arrays.copyOfRange(x[0], pooled + 3, pooled + 6), Arrays.copyOfRange(x[1], pooled, pooled + 3));
        assertFalse(Arrays.equals(x[0], x[1]), "(A, B) and (B, A) are different inputs");
    }

    @Test
    void theHeadTravelsInTheModelFileAndLoadsBackExactly() throws Exception {
        Path file = dir.resolve("with-dyads.zip");
        ModelFile.write(trained, file);
        StanceModel loaded = ModelFile.read(file, encoder);
        assertTrue(loaded.hasDyads());
        List<DyadTarget> dyads = DyadEvaluator.targets(train.subList(0, 30));
        assertEquals(trained.dyads(dyads), loaded.dyads(dyads));

        Path without = dir.resolve("without.zip");
        ModelFile.write(base, without);
        assertFalse(ModelFile.read(without, encoder).hasDyads(), "a model file without the head has no dyads");
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> ModelFile.read(without, encoder).dyads(dyads));
        assertTrue(none.getMessage().contains("no dyad head"), none.getMessage());

        // the head's network entry dropped, its checksum too: the file says the head is incomplete
        Path broken = dir.resolve("broken.zip");
        rewrite(file, broken, "dyad-network.zip");
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.read(broken, encoder));
        assertTrue(e.getMessage().startsWith(broken.toString()) && e.getMessage().contains("dyad head is incomplete"),
                e.getMessage());
    }

    /** Copies the model zip without {@code dropped}, and without its checksum in model.json. */
    @SuppressWarnings("unchecked")
    private static void rewrite(Path from, Path to, String dropped) throws Exception {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(Map.entry(e.getName(), in.readAllBytes()));
            }
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Map.Entry<String, byte[]> e : entries) {
                byte[] bytes = e.getValue();
                if (e.getKey().equals(dropped)) {
                    continue;
                }
                if (e.getKey().equals("model.json")) {
                    Map<String, Object> json = Json.MAPPER.readValue(bytes, Map.class);
                    ((Map<String, Object>) json.get("entries")).remove(dropped);
                    bytes = Json.pretty(json).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
