package io.newsstance.model;

import io.newsstance.api.BadInputException;
import io.newsstance.api.Prediction;
import io.newsstance.data.StanceExample;
import io.newsstance.data.TrainingDataReader;
import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.EncoderDelta;
import io.newsstance.encoder.EncoderIdentity;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.encoder.TokenEncoder;
import io.newsstance.evaluation.Evaluation;
import io.newsstance.evaluation.ModelEvaluator;
import io.newsstance.training.FrozenEncoderTrainer;
import io.newsstance.training.StanceTrainer;
import io.newsstance.training.TrainingData;
import io.newsstance.training.TrainingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains a real (tiny) DL4J model on a slice of the team corpus with the real MiniLM encoder, evaluates it,
 * saves and loads it, and breaks the file in the ways users will.
 */
class StanceModelTrainingTest {

    private static MiniLmEncoder encoder;
    private static List<StanceExample> train;
    private static List<StanceExample> dev;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        encoder = MiniLmEncoder.load();
        List<StanceExample> all = new TrainingDataReader().readAll(List.of(Path.of("training-data/stance-dev.csv")));
        train = all.subList(0, 240);
        dev = all.subList(240, 320);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static TrainingSettings settings(long seed) {
        return new TrainingSettings(8, 32, seed, 8, 1e-3, 64, 0.8, 1e-4, new FeatureSettings(true, true, 4, true));
    }

    private static StanceModel train(long seed, Path cacheDir) {
        StanceTrainer trainer = new FrozenEncoderTrainer(settings(seed), encoder, new FeatureCache(cacheDir),
                new PrintStream(new ByteArrayOutputStream()));
        return trainer.train(new TrainingData(train, dev, List.of(), List.of(), 0));
    }

    @Test
    void trainsEvaluatesAndRoundTripsExactly() {
        StanceModel model = train(7, dir.resolve("cache"));
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        Evaluation onTrain = new ModelEvaluator(cache).evaluate(model, train);
        assertTrue(onTrain.macroF1() > 0.6, "a real network fits its training data: " + onTrain.macroF1());
        assertTrue(model.card().metrics().containsKey("dev"));
        assertTrue(model.sentiment(List.of("Seoul thanked Tokyo.")).isPresent(), "the corpus carries sentiment");

        Path file = dir.resolve("tiny.zip");
        ModelFile.write(model, file);
        StanceModel loaded = ModelFile.read(file, encoder);
        List<Target> targets = dev.stream().map(e -> new Target(e.sentence(), e.target())).toList();
        List<Prediction> before = model.predict(targets);
        List<Prediction> after = loaded.predict(targets);
        assertEquals(before, after, "identical probabilities after save and load");
        assertEquals(model.card().seed(), loaded.card().seed());
        assertEquals(model.card().epochsRun(), loaded.card().epochsRun());
    }

    @Test
    void theSameSeedAndDataGiveTheSameModelAndAnotherSeedDoesNot() {
        StanceModel a = train(11, dir.resolve("c1"));
        StanceModel b = train(11, dir.resolve("c2")); // fresh cache: features recomputed, still identical
        StanceModel c = train(12, dir.resolve("c1"));
        assertEquals(a.stanceNetwork().params(), b.stanceNetwork().params());
        assertTrue(!a.stanceNetwork().params().equals(c.stanceNetwork().params()));
    }

    @Test
    void aSentenceScoresTheSameAloneAndInABatch() {
        StanceModel model = train(7, dir.resolve("cache"));
        List<Target> batch = dev.stream().limit(20).map(e -> new Target(e.sentence(), e.target())).toList();
        List<Prediction> together = model.predict(batch);
        for (int i = 0; i < batch.size(); i += 7) {
            Prediction alone = model.predict(List.of(batch.get(i))).get(0);
            assertEquals(together.get(i).pNegative(), alone.pNegative(), 1e-6);
            assertEquals(together.get(i).pPositive(), alone.pPositive(), 1e-6);
        }
    }

    @Test
    void corruptTruncatedAndForeignFilesFailWithAClearMessage() throws Exception {
        StanceModel model = train(7, dir.resolve("cache"));
        Path good = dir.resolve("good.zip");
        ModelFile.write(model, good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        BadInputException t = assertThrows(BadInputException.class, () -> ModelFile.read(truncated, encoder));
        assertTrue(t.getMessage().startsWith(truncated + ": "), t.getMessage());

        Path flipped = dir.resolve("flipped.zip");
        byte[] damaged = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            damaged[i] ^= 0x5a;
        }
        Files.write(flipped, damaged);
        BadInputException f = assertThrows(BadInputException.class, () -> ModelFile.read(flipped, encoder));
        assertTrue(f.getMessage().contains("corrupt"), f.getMessage());

        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "not a model");
        BadInputException n = assertThrows(BadInputException.class, () -> ModelFile.read(text, encoder));
        assertTrue(n.getMessage().contains("not a newsstance model file"), n.getMessage());

        TokenEncoder other = new TokenEncoder() {
            public EncoderIdentity identity() {
                return new EncoderIdentity("other-encoder", "0".repeat(64));
            }

            public int dimension() {
                return encoder.dimension();
            }

            public int maxWordpieces() {
                return encoder.maxWordpieces();
            }

            public List<EncodedSentence> encode(List<String> sentences) {
                return encoder.encode(sentences);
            }

            public List<EncodedSentence> encodePairs(List<String> texts, List<String> seconds) {
                return encoder.encodePairs(texts, seconds);
            }

            public TokenEncoder withDelta(String name, EncoderDelta delta) {
                throw new UnsupportedOperationException();
            }

            public float[] weight(String name) {
                return encoder.weight(name);
            }

            public void close() {
            }
        };
        BadInputException w = assertThrows(BadInputException.class, () -> ModelFile.read(good, other));
        assertTrue(w.getMessage().contains("trained on encoder all-MiniLM-L6-v2-fp32"), w.getMessage());
    }
}
