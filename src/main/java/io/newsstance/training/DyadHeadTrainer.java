package io.newsstance.training;

import io.newsstance.data.DyadExample;
import io.newsstance.evaluation.DyadEvaluator;
import io.newsstance.io.Decimals;
import io.newsstance.model.DyadFeatureSettings;
import io.newsstance.model.DyadFeaturizer;
import io.newsstance.model.DyadHead;
import io.newsstance.model.ModelCard;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Standardizer;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the dyad head of an existing stance model: features from the model's own encoder (frozen, so its stance
 * and sentiment heads are untouched), a standardiser fitted on the training dyads, and a DL4J head ({@link
 * HeadTrainer}: dense ReLU, softmax, early stopping on dev macro-F1). Deterministic for a given seed and data. The
 * returned model carries the head and a card note "dyad_head" with the data files, settings and epochs.
 */
public final class DyadHeadTrainer {

    private final TrainingSettings settings;
    private final DyadFeatureSettings features;
    private final PrintStream log;
    private final boolean balanced;

    public DyadHeadTrainer(TrainingSettings settings, DyadFeatureSettings features, PrintStream log) {
        this(settings, features, false, log);
    }

    /**
     * With {@code balanced}, each class's cross-entropy is weighted by n / (3 · its count in the training dyads),
     * so the rarer positive and negative dyads weigh as much in total as the neutral majority.
     */
    public DyadHeadTrainer(TrainingSettings settings, DyadFeatureSettings features, boolean balanced, PrintStream log) {
        this.settings = settings;
        this.features = features;
        this.balanced = balanced;
        this.log = log;
    }

    /**
     * {@code model} with a dyad head trained on {@code train} (early stopping on {@code dev}), its card noting the
     * files and, when dev is given, the dev metrics as "dyad_dev".
     */
    public StanceModel train(StanceModel model, List<DyadExample> train, List<DyadExample> dev,
                             List<ModelCard.DataFile> trainingFiles, List<ModelCard.DataFile> devFiles) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training dyads");
        }
        long started = System.nanoTime();
        DyadFeaturizer featurizer = model.dyadFeaturizer(features);
        log.printf(Locale.ROOT, "dyad features: %d train and %d dev dyads (%s, %d dims)%n", train.size(), dev.size(),
                features.key(), featurizer.dimension());
        float[][] x = featurizer.features(DyadEvaluator.targets(train));
        float[][] devX = dev.isEmpty() ? new float[0][] : featurizer.features(DyadEvaluator.targets(dev));
        double featureSeconds = (System.nanoTime() - started) / 1e9;
        Standardizer std = Standardizer.fit(x);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var p : io.newsstance.api.Polarity.values()) {
            counts.put(p.label(), train.stream().filter(d -> d.stance() == p).count());
        }
        double[] weights = balanced ? counts.values().stream()
                .mapToDouble(c -> c == 0 ? 1 : train.size() / (3.0 * c)).toArray() : null;
        HeadTrainer.Result result = new HeadTrainer(settings, log).train("dyad", std.apply(x),
                DyadEvaluator.labels(train), devX.length == 0 ? null : std.apply(devX), DyadEvaluator.labels(dev),
                weights);

        Map<String, Object> note = new LinkedHashMap<>();
        note.put("features", features.key());
        note.put("training_files", trainingFiles);
        note.put("dev_files", devFiles);
        Map<String, Object> hyper = new LinkedHashMap<>(settings.toMap());
        hyper.remove("features");
        note.put("hyperparameters", hyper);
        note.put("seed", settings.seed());
        note.put("class_weights", weights == null ? "none" : Arrays.stream(weights).map(Decimals::round).boxed().toList());
        note.put("train_label_counts", counts);
        note.put("epochs_run", result.epochsRun());
        note.put("best_epoch", result.bestEpoch());
        note.put("dev_macro_f1_per_epoch", result.devMacroF1().stream().map(Decimals::round).toList());
        note.put("feature_seconds", Math.round(featureSeconds));
        note.put("train_seconds", Math.round((System.nanoTime() - started) / 1e9));
        // The scores of a head this one replaces measured a head the file no longer has: they go with it (a run that
        // tests on fewer files than the last one would otherwise leave the old head's figures in the new card).
        ModelCard card = model.card().withoutMetrics(DyadHeadTrainer::isDyadMetric).withNote("dyad_head", note);
        StanceModel out = model.withDyadHead(new DyadHead(result.network(), std, features), card);
        if (!dev.isEmpty()) {
            out = out.withCard(card.withMetric("dyad_dev", new DyadEvaluator().evaluate(out, dev).toJson()));
        }
        return out;
    }

    /** True for the card metrics that score a dyad head: "dyad_dev", "dyad_test:FILE", "directed_test:FILE". */
    public static boolean isDyadMetric(String name) {
        return name.startsWith("dyad_") || name.startsWith("directed_");
    }
}
