package io.newsstance.training;

import io.newsstance.Polarity;
import io.newsstance.Version;
import io.newsstance.data.StanceExample;
import io.newsstance.evaluation.Evaluation;
import io.newsstance.evaluation.Evaluator;
import io.newsstance.model.ModelCard;
import io.newsstance.model.Prediction;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Standardizer;
import io.newsstance.model.Target;
import io.newsstance.model.TokenEncoder;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Produces a {@link StanceModel} from labelled examples: encoder features (cached on disk), a standardiser
 * fitted on the training features, a stance head trained with early stopping on the dev examples, and a
 * sentiment head trained on the examples whose sentences carry a sentiment label. The model card records the
 * data, settings and dev metrics; callers add test metrics.
 */
public final class StanceTrainer {

    /** Training input plus its provenance for the model card. */
    public record Data(List<StanceExample> train, List<StanceExample> dev, List<ModelCard.DataFile> trainingFiles,
                       List<ModelCard.DataFile> devFiles, double devFraction) {
    }

    private final TrainingSettings settings;
    private final TokenEncoder encoder;
    private final FeatureCache cache;
    private final PrintStream log;

    public StanceTrainer(TrainingSettings settings, TokenEncoder encoder, FeatureCache cache, PrintStream log) {
        this.settings = settings;
        this.encoder = encoder;
        this.cache = cache;
        this.log = log;
    }

    public StanceModel train(Data data) {
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        long started = System.nanoTime();
        StanceFeaturizer featurizer = new StanceFeaturizer(encoder, settings.features());
        log.printf(Locale.ROOT, "features: %d train and %d dev examples (%s, %d dims)%n", data.train().size(),
                data.dev().size(), settings.features().key(), featurizer.dimension());
        float[][] x = cache.targetFeatures(featurizer, targets(data.train()));
        float[][] devX = data.dev().isEmpty() ? new float[0][] : cache.targetFeatures(featurizer, targets(data.dev()));
        double featureSeconds = (System.nanoTime() - started) / 1e9;

        Standardizer stanceStd = Standardizer.fit(x);
        HeadTrainer heads = new HeadTrainer(settings, log);
        HeadTrainer.Result stance = heads.train("stance", stanceStd.apply(x), labels(data.train()),
                devX.length == 0 ? null : stanceStd.apply(devX), labels(data.dev()));

        SentimentHead sentimentHead = trainSentiment(featurizer, data);
        HeadTrainer.Result sentiment = sentimentHead == null ? null : sentimentHead.result();
        Standardizer sentimentStd = sentimentHead == null ? null : sentimentHead.standardizer();

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("train_label_counts", StanceTrainer.labelCounts(data.train()));
        notes.put("feature_seconds", Math.round(featureSeconds));
        notes.put("train_seconds", Math.round((System.nanoTime() - started) / 1e9));
        notes.put("stance_dev_macro_f1_per_epoch", stance.devMacroF1().stream().map(StanceTrainer::round).toList());
        if (sentiment != null) {
            notes.put("sentiment_epochs_run", sentiment.epochsRun());
            notes.put("sentiment_best_epoch", sentiment.bestEpoch());
            notes.put("sentiment_training_sentences", sentimentHead.sentences());
        }
        Map<String, Object> hyper = settings.toMap();
        ModelCard card = new ModelCard(Version.get(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                data.trainingFiles(), data.devFiles(), data.devFraction(), hyper, settings.seed(), stance.epochsRun(),
                stance.bestEpoch(), metrics, notes);
        StanceModel model = new StanceModel(featurizer, stance.network(), stanceStd,
                sentiment == null ? null : sentiment.network(), sentimentStd, card);
        if (!data.dev().isEmpty()) {
            metrics.put("dev", evaluate(model, data.dev()).toJson());
            Evaluation devSentiment = evaluateSentiment(model, data.dev());
            if (devSentiment != null) {
                metrics.put("dev_sentiment", devSentiment.toJson());
            }
        }
        return model;
    }

    /** A trained sentence-sentiment head. */
    public record SentimentHead(HeadTrainer.Result result, Standardizer standardizer, int sentences) {
    }

    /**
     * Trains the sentiment head on the sentences of {@code data} that carry a sentiment label (one example per
     * sentence), with early stopping on the dev sentences; null when fewer than 10 training sentences do.
     */
    public SentimentHead trainSentiment(StanceFeaturizer featurizer, Data data) {
        List<String> sentTrain = new ArrayList<>();
        List<Polarity> sentTrainY = new ArrayList<>();
        sentences(data.train(), sentTrain, sentTrainY);
        List<String> sentDev = new ArrayList<>();
        List<Polarity> sentDevY = new ArrayList<>();
        sentences(data.dev(), sentDev, sentDevY);
        if (sentTrain.size() < 10) {
            log.println("sentiment: fewer than 10 training sentences carry a sentiment label; no sentiment head");
            return null;
        }
        float[][] sx = cache.sentenceFeatures(featurizer, sentTrain);
        Standardizer sentimentStd = Standardizer.fit(sx);
        float[][] sdx = sentDev.isEmpty() ? null : sentimentStd.apply(cache.sentenceFeatures(featurizer, sentDev));
        HeadTrainer.Result result = new HeadTrainer(settings, log).train("sentiment", sentimentStd.apply(sx),
                sentTrainY, sdx, sentDevY);
        return new SentimentHead(result, sentimentStd, sentTrain.size());
    }

    /** Sentiment of the dev sentences that carry a label, scored by {@code model}; null if there are none. */
    public Evaluation evaluateSentiment(StanceModel model, List<StanceExample> examples) {
        List<String> sentences = new ArrayList<>();
        List<Polarity> gold = new ArrayList<>();
        sentences(examples, sentences, gold);
        if (sentences.isEmpty() || model.sentimentNetwork().isEmpty()) {
            return null;
        }
        List<Polarity> predicted = model.sentiment(sentences).orElseThrow().stream().map(Prediction::label).toList();
        return new Evaluator().evaluate(gold, predicted);
    }

    /** Evaluates {@code model} on gold examples, using their target spans as given. */
    public Evaluation evaluate(StanceModel model, List<StanceExample> examples) {
        return new Evaluator().evaluate(labels(examples), predict(model, examples),
                examples.stream().map(StanceExample::actor).toList());
    }

    /** The model's label for each example, using the target spans as given. */
    public List<Polarity> predict(StanceModel model, List<StanceExample> examples) {
        return model.predictFeatures(cache.targetFeatures(model.featurizer(), targets(examples))).stream()
                .map(Prediction::label).toList();
    }

    /** Examples per stance label, in label order: for model cards. */
    public static Map<String, Long> labelCounts(List<StanceExample> examples) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Polarity p : Polarity.values()) {
            counts.put(p.label(), examples.stream().filter(e -> e.stance() == p).count());
        }
        return counts;
    }

    public static List<Target> targets(List<StanceExample> examples) {
        return examples.stream().map(e -> new Target(e.sentence(), e.target())).toList();
    }

    public static List<Polarity> labels(List<StanceExample> examples) {
        return examples.stream().map(StanceExample::stance).toList();
    }

    private static void sentences(List<StanceExample> examples, List<String> out, List<Polarity> labels) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (StanceExample e : examples) {
            Optional<Polarity> s = e.sentiment();
            if (s.isPresent() && seen.add(e.sentence())) {
                out.add(e.sentence());
                labels.add(s.get());
            }
        }
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
