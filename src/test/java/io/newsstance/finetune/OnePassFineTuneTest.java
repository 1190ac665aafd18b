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
import io.newsstance.api.Span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.EncoderDelta;
import io.newsstance.encoder.EncoderIdentity;
import io.newsstance.encoder.TokenEncoder;
import io.newsstance.model.FeatureSettings;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fine-tunes the real encoder's top layer with one pass per sentence ({@link TargetInput#SENTENCE}) on a slice of
 * the team corpus: the served model (ONNX Runtime + DL4J) gives what the trained SameDiff graph gave, sentences
 * with several targets are encoded once for all of them and for the sentiment, and the model file reads back to
 * the same predictions.
 */
class OnePassFineTuneTest {

    private static final FineTuneSettings SETTINGS = new FineTuneSettings(2, 6, 11, 1e-4, 3e-3, 0.2, 0.01, 1, 16,
            0.9, 2, TargetInput.SENTENCE);
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
        dev = all.subList(40, 60);
        encoder = MiniLmEncoder.load();
        model = new FineTuneTrainer(SETTINGS, encoder, new FeatureCache(dir.resolve("cache")), QUIET, null)
                .train(new TrainingData(train, dev, List.of(), List.of(), 0));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theServedModelReadsTheSentenceAloneAndAgreesWithSameDiff() {
        assertEquals(FeatureSettings.ONE_PASS, model.featurizer().settings());
        assertTrue(dev.stream().map(StanceExample::sentence).distinct().count() < dev.size(),
                "the dev slice should hold sentences with several targets");
        double difference = ((Number) model.card().notes().get("export_max_abs_probability_difference")).doubleValue();
        assertTrue(difference < 1e-4, "SameDiff and ONNX Runtime probabilities differ by " + difference);
        assertEquals("sentence", model.card().hyperparameters().get("input"));
    }

    @Test
    void aSentenceIsEncodedOnceForAllItsTargetsAndItsSentiment() {
        AtomicInteger sentencesEncoded = new AtomicInteger();
        AtomicInteger pairsEncoded = new AtomicInteger();
        TokenEncoder tuned = model.featurizer().encoder();
        TokenEncoder counting = new TokenEncoder() {
            public EncoderIdentity identity() { return tuned.identity(); }
            public int dimension() { return tuned.dimension(); }
            public int maxWordpieces() { return tuned.maxWordpieces(); }
            public List<EncodedSentence> encode(List<String> sentences) {
                sentencesEncoded.addAndGet(sentences.size());
                return tuned.encode(sentences);
            }
            public List<EncodedSentence> encodePairs(List<String> texts, List<String> seconds) {
                pairsEncoded.addAndGet(texts.size());
                return tuned.encodePairs(texts, seconds);
            }
            public TokenEncoder withDelta(String name, EncoderDelta delta) { throw new UnsupportedOperationException(); }
            public float[] weight(String name) { return tuned.weight(name); }
            public void close() { }
        };
        StanceModel countingModel = model.withFeaturizer(new io.newsstance.model.StanceFeaturizer(counting,
                model.featurizer().settings()));
        String sentence = "Russia accused Ukraine of shelling the plant, while the UN urged both to stop.";
        List<Target> targets = List.of(new Target(sentence, new Span(0, 6)), new Target(sentence, new Span(15, 22)),
                new Target(sentence, new Span(53, 55)));
        StanceModel.Analysis analysis = countingModel.analyse(List.of(sentence), targets);
        assertEquals(3, analysis.stance().size());
        assertEquals(1, analysis.sentiment().size());
        assertEquals(1, sentencesEncoded.get(), "one pass for three targets and the sentiment");
        assertEquals(0, pairsEncoded.get());
        assertEquals(model.predict(targets), analysis.stance());
    }

    @Test
    void theModelFileReadsBackToTheSamePredictions() throws IOException {
        Path file = dir.resolve("one-pass.zip");
        ModelFile.write(model, file);
        List<Target> targets = new ArrayList<>(dev.stream().map(e -> new Target(e.sentence(), e.target())).toList());
        List<Prediction> expected = model.predict(targets);
        try (MiniLmEncoder other = MiniLmEncoder.load()) {
            StanceModel read = ModelFile.read(file, other);
            assertEquals(expected, read.predict(targets));
            assertEquals(FeatureSettings.ONE_PASS, read.featurizer().settings());
            assertEquals(model.featurizer().encoder().identity(), read.featurizer().encoder().identity());
        }
    }
}
