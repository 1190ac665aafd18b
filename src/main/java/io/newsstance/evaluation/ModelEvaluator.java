package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.api.Prediction;
import io.newsstance.data.StanceExample;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.ModelCard;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Target;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a {@link StanceModel} on labelled examples: the one {@code evaluate(model, examples)} that {@code eval},
 * {@code train}, fine-tuning and {@code bench} share. Targets are scored with the spans the examples give (no
 * mention finding); encoder features go through the feature cache, so evaluating on the dev set the trainer just
 * encoded costs no second encoder pass.
 */
public final class ModelEvaluator {

    private final FeatureCache cache;

    public ModelEvaluator(FeatureCache cache) {
        this.cache = cache;
    }

    /** Stance accuracy, macro-F1, per class and per actor of {@code model} on {@code examples}. */
    public Evaluation evaluate(StanceModel model, List<StanceExample> examples) {
        return new Evaluator().evaluate(labels(examples), predict(model, examples),
                examples.stream().map(StanceExample::actor).toList());
    }

    /**
     * {@code model}'s card with its stance metrics on {@code dev} as "dev" and, where the model has a sentiment
     * head and the sentences carry labels, "dev_sentiment"; the card unchanged when {@code dev} is empty.
     */
    public ModelCard withDevMetrics(StanceModel model, List<StanceExample> dev) {
        if (dev.isEmpty()) {
            return model.card();
        }
        ModelCard card = model.card().withMetric("dev", evaluate(model, dev).toJson());
        Optional<Evaluation> sentiment = evaluateSentiment(model, dev);
        return sentiment.isPresent() ? card.withMetric("dev_sentiment", sentiment.get().toJson()) : card;
    }

    /** The model's stance label for each example, in order. */
    public List<Polarity> predict(StanceModel model, List<StanceExample> examples) {
        return model.predictFeatures(cache.targetFeatures(model.featurizer(), targets(examples))).stream()
                .map(Prediction::label).toList();
    }

    /**
     * Sentence sentiment of the examples whose sentences carry a sentiment label (each sentence once), or empty
     * when none does or the model has no sentiment head.
     */
    public Optional<Evaluation> evaluateSentiment(StanceModel model, List<StanceExample> examples) {
        List<String> sentences = new ArrayList<>();
        List<Polarity> gold = new ArrayList<>();
        sentences(examples, sentences, gold);
        if (sentences.isEmpty() || !model.hasSentiment()) {
            return Optional.empty();
        }
        List<Polarity> predicted = model.sentiment(sentences).orElseThrow().stream().map(Prediction::label).toList();
        return Optional.of(new Evaluator().evaluate(gold, predicted));
    }

    /** The examples as the model's targets (sentence and target span). */
    public static List<Target> targets(List<StanceExample> examples) {
        return examples.stream().map(e -> new Target(e.sentence(), e.target())).toList();
    }

    /** The examples' gold stance labels. */
    public static List<Polarity> labels(List<StanceExample> examples) {
        return examples.stream().map(StanceExample::stance).toList();
    }

    /** The distinct sentences that carry a sentiment label, into {@code out}, with their labels. */
    public static void sentences(List<StanceExample> examples, List<String> out, List<Polarity> labels) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (StanceExample e : examples) {
            Optional<Polarity> s = e.sentiment();
            if (s.isPresent() && seen.add(e.sentence())) {
                out.add(e.sentence());
                labels.add(s.get());
            }
        }
    }
}
