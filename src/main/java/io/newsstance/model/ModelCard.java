package io.newsstance.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * What a model was trained on, how, and how well it did: travels inside the model file (Tribuo-style
 * provenance) and is printed into models/README.md.
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
 * @param notes             free-form facts (variant comparison, timings)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelCard(String newsstanceVersion, String created, List<DataFile> trainingFiles,
                        List<DataFile> devFiles, double devFraction, Map<String, Object> hyperparameters, long seed,
                        int epochsRun, int bestEpoch, Map<String, Object> metrics, Map<String, Object> notes) {

    /** A data file as the model saw it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DataFile(String path, String sha256, int examples) {
    }
}
