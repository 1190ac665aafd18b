package io.newsstance.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model was trained on, how, and how well it did: travels inside the model file (Tribuo-style
 * provenance) and is printed into models/README.md. Immutable: {@link #withMetric} and {@link #withNote} return
 * a new card; trainers build theirs with a {@link Builder}, whose typed setters are the one place the card's note
 * names are spelt.
 *
 * @param newsstanceVersion version that trained it
 * @param created           ISO-8601 time of training
 * @param trainingFiles     files the training examples came from, with sha256 and counts
 * @param devFiles          files used for early stopping (and the carve, if any)
 * @param devFraction       share of each training file carved off as dev (0 if none)
 * @param hyperparameters   settings of the trainer
 * @param seed              random seed
 * @param epochsRun         epochs trained before early stopping
 * @param bestEpoch         epoch whose weights were kept
 * @param metrics           named evaluations, e.g. "dev", "test:training-data/stance-test.csv" (JSON shape of
 *                          {@code Evaluation.toJson()})
 * @param notes             further measured facts (timings, per-epoch dev scores, the sentiment head, augmentation)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelCard(String newsstanceVersion, String created, List<DataFile> trainingFiles,
                        List<DataFile> devFiles, double devFraction, Map<String, Object> hyperparameters, long seed,
                        int epochsRun, int bestEpoch, Map<String, Object> metrics, Map<String, Object> notes) {

    public ModelCard {
        trainingFiles = trainingFiles == null ? List.of() : List.copyOf(trainingFiles);
        devFiles = devFiles == null ? List.of() : List.copyOf(devFiles);
        hyperparameters = frozen(hyperparameters);
        metrics = frozen(metrics);
        notes = frozen(notes);
    }

    /** A data file as the model saw it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DataFile(String path, String sha256, int examples) {
    }

    /** This card with the evaluation {@code json} (an {@code Evaluation.toJson()}) under {@code name}. */
    public ModelCard withMetric(String name, Map<String, Object> json) {
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put(name, json);
        return new ModelCard(newsstanceVersion, created, trainingFiles, devFiles, devFraction, hyperparameters, seed,
                epochsRun, bestEpoch, m, notes);
    }

    /** This card without the metrics whose names {@code drop} accepts. */
    public ModelCard withoutMetrics(java.util.function.Predicate<String> drop) {
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.keySet().removeIf(drop);
        return new ModelCard(newsstanceVersion, created, trainingFiles, devFiles, devFraction, hyperparameters, seed,
                epochsRun, bestEpoch, m, notes);
    }

    /** This card with the note {@code name} set to {@code value}. */
    public ModelCard withNote(String name, Object value) {
        Map<String, Object> n = new LinkedHashMap<>(notes);
        n.put(name, value);
        return new ModelCard(newsstanceVersion, created, trainingFiles, devFiles, devFraction, hyperparameters, seed,
                epochsRun, bestEpoch, metrics, n);
    }

    /** This card with every note of {@code more} set. */
    public ModelCard withNotes(Map<String, Object> more) {
        Map<String, Object> n = new LinkedHashMap<>(notes);
        n.putAll(more);
        return new ModelCard(newsstanceVersion, created, trainingFiles, devFiles, devFraction, hyperparameters, seed,
                epochsRun, bestEpoch, metrics, n);
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Builds a trainer's card; {@link #build} stamps the version and the time. */
    public static final class Builder {
        private final String version;
        private List<DataFile> trainingFiles = List.of();
        private List<DataFile> devFiles = List.of();
        private double devFraction;
        private Map<String, Object> hyperparameters = Map.of();
        private long seed;
        private int epochsRun;
        private int bestEpoch;
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private final Map<String, Object> notes = new LinkedHashMap<>();

        /** A builder for a model trained by newsstance {@code version}. */
        public Builder(String version) {
            this.version = version;
        }

        public Builder data(List<DataFile> training, List<DataFile> dev, double fraction) {
            this.trainingFiles = training;
            this.devFiles = dev;
            this.devFraction = fraction;
            return this;
        }

        public Builder settings(Map<String, Object> hyperparameters, long seed) {
            this.hyperparameters = hyperparameters;
            this.seed = seed;
            return this;
        }

        public Builder epochs(int run, int best) {
            this.epochsRun = run;
            this.bestEpoch = best;
            return this;
        }

        public Builder trainLabelCounts(Map<String, Long> counts) {
            notes.put("train_label_counts", counts);
            return this;
        }

        public Builder devMacroF1PerEpoch(List<Double> perEpoch) {
            notes.put("stance_dev_macro_f1_per_epoch", perEpoch);
            return this;
        }

        public Builder featureSeconds(long seconds) {
            notes.put("feature_seconds", seconds);
            return this;
        }

        public Builder trainSeconds(long seconds) {
            notes.put("train_seconds", seconds);
            return this;
        }

        /** The sentiment head: its epochs and training sentences, and (optionally) how it was trained. */
        public Builder sentimentHead(int epochsRun, int bestEpoch, int sentences, Map<String, Object> settings) {
            notes.put("sentiment_epochs_run", epochsRun);
            notes.put("sentiment_best_epoch", bestEpoch);
            notes.put("sentiment_training_sentences", sentences);
            if (settings != null) {
                notes.put("sentiment_head", settings);
            }
            return this;
        }

        /** A fact without a typed setter (a fine-tuning timing, an export check). */
        public Builder note(String name, Object value) {
            notes.put(name, value);
            return this;
        }

        public Builder metric(String name, Map<String, Object> json) {
            metrics.put(name, json);
            return this;
        }

        public ModelCard build() {
            return new ModelCard(version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), trainingFiles,
                    devFiles, devFraction, hyperparameters, seed, epochsRun, bestEpoch, metrics, notes);
        }
    }
}
