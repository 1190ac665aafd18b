package io.newsstance.training;

import io.newsstance.api.Polarity;
import io.newsstance.data.StanceExample;
import io.newsstance.model.ModelCard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link StanceTrainer} learns from: training and dev examples, and the files they came from (with
 * checksums and counts) for the model card.
 *
 * @param train         training examples
 * @param dev           dev examples for early stopping and the card's dev metrics (may be empty)
 * @param trainingFiles the training files as the trainer saw them
 * @param devFiles      the dev files (and carves)
 * @param devFraction   the share of each training file carved off as dev, 0 if none
 */
public record TrainingData(List<StanceExample> train, List<StanceExample> dev, List<ModelCard.DataFile> trainingFiles,
                           List<ModelCard.DataFile> devFiles, double devFraction) {

    public TrainingData {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        trainingFiles = List.copyOf(trainingFiles);
        devFiles = List.copyOf(devFiles);
    }

    /** Training examples per stance label, in label order: for model cards. */
    public Map<String, Long> trainLabelCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Polarity p : Polarity.values()) {
            counts.put(p.label(), train.stream().filter(e -> e.stance() == p).count());
        }
        return counts;
    }
}
