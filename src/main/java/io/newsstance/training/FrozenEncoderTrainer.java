package io.newsstance.training;

import io.newsstance.api.Version;
import io.newsstance.encoder.TokenEncoder;
import io.newsstance.evaluation.ModelEvaluator;
import io.newsstance.io.Decimals;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.ModelCard;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Standardizer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Trains a stance model over the frozen encoder: encoder features (cached on disk), a standardiser fitted on the
 * training features, a DL4J stance head trained with early stopping on the dev examples, and a sentiment head
 * ({@link SentimentHeadTrainer}) on the examples whose sentences carry a sentiment label.
 */
public final class FrozenEncoderTrainer implements StanceTrainer {

    private final TrainingSettings settings;
    private final TokenEncoder encoder;
    private final FeatureCache cache;
    private final PrintStream log;

    public FrozenEncoderTrainer(TrainingSettings settings, TokenEncoder encoder, FeatureCache cache, PrintStream log) {
        this.settings = settings;
        this.encoder = encoder;
        this.cache = cache;
        this.log = log;
    }

    @Override
    public StanceModel train(TrainingData data) {
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        long started = System.nanoTime();
        StanceFeaturizer featurizer = new StanceFeaturizer(encoder, settings.features());
        log.printf(Locale.ROOT, "features: %d train and %d dev examples (%s, %d dims)%n", data.train().size(),
                data.dev().size(), settings.features().key(), featurizer.dimension());
        float[][] x = cache.targetFeatures(featurizer, ModelEvaluator.targets(data.train()));
        float[][] devX = data.dev().isEmpty() ? new float[0][]
                : cache.targetFeatures(featurizer, ModelEvaluator.targets(data.dev()));
        double featureSeconds = (System.nanoTime() - started) / 1e9;

        Standardizer stanceStd = Standardizer.fit(x);
        HeadTrainer.Result stance = new HeadTrainer(settings, log).train("stance", stanceStd.apply(x),
                ModelEvaluator.labels(data.train()), devX.length == 0 ? null : stanceStd.apply(devX),
                ModelEvaluator.labels(data.dev()));
        Optional<SentimentHeadTrainer.SentimentHead> sentiment = new SentimentHeadTrainer(settings, cache, log)
                .train(featurizer, data);

        ModelCard.Builder card = new ModelCard.Builder(Version.get())
                .data(data.trainingFiles(), data.devFiles(), data.devFraction())
                .settings(settings.toMap(), settings.seed())
                .epochs(stance.epochsRun(), stance.bestEpoch())
                .trainLabelCounts(data.trainLabelCounts())
                .featureSeconds(Math.round(featureSeconds))
                .trainSeconds(Math.round((System.nanoTime() - started) / 1e9))
                .devMacroF1PerEpoch(stance.devMacroF1().stream().map(f1 -> Decimals.round(f1)).toList());
        sentiment.ifPresent(h -> card.sentimentHead(h.result().epochsRun(), h.result().bestEpoch(), h.sentences(),
                null));
        StanceModel model = new StanceModel(featurizer, stance.network(), stanceStd,
                sentiment.map(h -> h.result().network()).orElse(null),
                sentiment.map(SentimentHeadTrainer.SentimentHead::standardizer).orElse(null), card.build());
        return model.withCard(new ModelEvaluator(cache).withDevMetrics(model, data.dev()));
    }
}
