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

        // Sentiment: one example per sentence that carries a sentiment label.
        List<String> sentTrain = new ArrayList<>();
        List<Polarity> sentTrainY = new ArrayList<>();
        sentences(data.train(), sentTrain, sentTrainY);
        List<String> sentDev = new ArrayList<>();
        List<Polarity> sentDevY = new ArrayList<>();
        sentences(data.dev(), sentDev, sentDevY);
        HeadTrainer.Result sentiment = null;
        Standardizer sentimentStd = null;
        if (sentTrain.size() >= 10) {
            float[][] sx = cache.sentenceFeatures(featurizer, sentTrain);
            sentimentStd = Standardizer.fit(sx);
            float[][] sdx = sentDev.isEmpty() ? null : sentimentStd.apply(cache.sentenceFeatures(featurizer, sentDev));
            sentiment = heads.train("sentiment", sentimentStd.apply(sx), sentTrainY, sdx, sentDevY);
        } else {
            log.println("sentiment: fewer than 10 training sentences carry a sentiment label; no sentiment head");
        }

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        Map<String, Long> labelCounts = new LinkedHashMap<>();
        for (Polarity p : Polarity.values()) {
            labelCounts.put(p.label(), data.train().stream().filter(e -> e.stance() == p).count());
        }
        notes.put("train_label_counts", labelCounts);
        notes.put("feature_seconds", Math.round(featureSeconds));
        notes.put("train_seconds", Math.round((System.nanoTime() - started) / 1e9));
        notes.put("stance_dev_macro_f1_per_epoch", stance.devMacroF1().stream().map(StanceTrainer::round).toList());
        if (sentiment != null) {
            notes.put("sentiment_epochs_run", sentiment.epochsRun());
            notes.put("sentiment_best_epoch", sentiment.bestEpoch());
            notes.put("sentiment_training_sentences", sentTrain.size());
        }
        Map<String, Object> hyper = settings.toMap();
        ModelCard card = new ModelCard(Version.get(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                data.trainingFiles(), data.devFiles(), data.devFraction(), hyper, settings.seed(), stance.epochsRun(),
                stance.bestEpoch(), metrics, notes);
        StanceModel model = new StanceModel(featurizer, stance.network(), stanceStd,
                sentiment == null ? null : sentiment.network(), sentimentStd, card);
        if (!data.dev().isEmpty()) {
            metrics.put("dev", evaluate(model, data.dev()).toJson());
            if (!sentDev.isEmpty() && sentiment != null) {
                List<Polarity> predicted = model.sentiment(sentDev).orElseThrow().stream().map(Prediction::label).toList();
                metrics.put("dev_sentiment", new Evaluator().evaluate(sentDevY, predicted).toJson());
            }
        }
        return model;
    }

    /** Evaluates {@code model} on gold examples, using their target spans as given. */
    public Evaluation evaluate(StanceModel model, List<StanceExample> examples) {
        List<Prediction> predictions = model.predictFeatures(
                cache.targetFeatures(model.featurizer(), targets(examples)));
        return new Evaluator().evaluate(labels(examples), predictions.stream().map(Prediction::label).toList(),
                examples.stream().map(StanceExample::actor).toList());
    }

    static List<Target> targets(List<StanceExample> examples) {
        return examples.stream().map(e -> new Target(e.sentence(), e.target())).toList();
    }

    static List<Polarity> labels(List<StanceExample> examples) {
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
