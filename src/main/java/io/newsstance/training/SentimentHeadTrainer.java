package io.newsstance.training;

import io.newsstance.api.Polarity;
import io.newsstance.evaluation.ModelEvaluator;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.Standardizer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains the sentence-sentiment head, the same way for frozen and fine-tuned encoders: one example per sentence
 * that carries a sentiment label, the encoder's sentence features standardised, a {@link HeadTrainer} network
 * with early stopping on the dev sentences.
 */
public final class SentimentHeadTrainer {

    /** Fewer labelled training sentences than this and no sentiment head is trained. */
    static final int MIN_SENTENCES = 10;

    /** A trained sentence-sentiment head. */
    public record SentimentHead(HeadTrainer.Result result, Standardizer standardizer, int sentences) {
    }

    private final TrainingSettings settings;
    private final FeatureCache cache;
    private final PrintStream log;

    public SentimentHeadTrainer(TrainingSettings settings, FeatureCache cache, PrintStream log) {
        this.settings = settings;
        this.cache = cache;
        this.log = log;
    }

    /** The head for {@code featurizer}'s sentence features, or empty when too few sentences carry a label. */
    public Optional<SentimentHead> train(StanceFeaturizer featurizer, TrainingData data) {
        List<String> sentTrain = new ArrayList<>();
        List<Polarity> sentTrainY = new ArrayList<>();
        ModelEvaluator.sentences(data.train(), sentTrain, sentTrainY);
        List<String> sentDev = new ArrayList<>();
        List<Polarity> sentDevY = new ArrayList<>();
        ModelEvaluator.sentences(data.dev(), sentDev, sentDevY);
        if (sentTrain.size() < MIN_SENTENCES) {
            log.println("sentiment: fewer than " + MIN_SENTENCES
                    + " training sentences carry a sentiment label; no sentiment head");
            return Optional.empty();
        }
        float[][] sx = cache.sentenceFeatures(featurizer, sentTrain);
        Standardizer sentimentStd = Standardizer.fit(sx);
        float[][] sdx = sentDev.isEmpty() ? null : sentimentStd.apply(cache.sentenceFeatures(featurizer, sentDev));
        HeadTrainer.Result result = new HeadTrainer(settings, log).train("sentiment", sentimentStd.apply(sx),
                sentTrainY, sdx, sentDevY);
        return Optional.of(new SentimentHead(result, sentimentStd, sentTrain.size()));
    }
}
