package io.newsstance.training;

import io.newsstance.model.FeatureSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of the DL4J heads.
 *
 * @param epochs       most epochs to train
 * @param batchSize    minibatch size
 * @param seed         seed for weight init, dropout and minibatch order
 * @param patience     epochs without a better dev macro-F1 before stopping
 * @param learningRate Adam learning rate
 * @param hidden       width of the hidden layer
 * @param dropoutKeep  probability of keeping a unit (DL4J's convention) on the hidden layer's inputs
 * @param l2           L2 weight decay
 * @param features     how the encoder's token states become features
 */
public record TrainingSettings(int epochs, int batchSize, long seed, int patience, double learningRate, int hidden,
                               double dropoutKeep, double l2, FeatureSettings features) {

    public static final TrainingSettings DEFAULT = new TrainingSettings(40, 64, 42, 6, 5e-4, 256, 0.6, 1e-4,
            FeatureSettings.DEFAULT);

    public TrainingSettings {
        if (epochs < 1 || batchSize < 1 || patience < 1 || hidden < 1 || learningRate <= 0
                || dropoutKeep <= 0 || dropoutKeep > 1 || l2 < 0) {
            throw new IllegalArgumentException("invalid training settings");
        }
    }

    public TrainingSettings withFeatures(FeatureSettings f) {
        return new TrainingSettings(epochs, batchSize, seed, patience, learningRate, hidden, dropoutKeep, l2, f);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("patience", patience);
        m.put("learning_rate", learningRate);
        m.put("optimizer", "adam");
        m.put("hidden", hidden);
        m.put("dropout_keep", dropoutKeep);
        m.put("l2", l2);
        m.put("features", features.key());
        m.put("head", "dense(" + hidden + ", relu) -> softmax(3), MCXENT");
        return m;
    }
}
