package io.newsstance.cli;

import io.newsstance.encoder.TokenEncoder;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.FeatureSettings;
import io.newsstance.training.FrozenEncoderTrainer;
import io.newsstance.training.StanceTrainer;
import io.newsstance.training.TrainingSettings;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code train}'s options for DL4J heads over frozen features; they build a {@link FrozenEncoderTrainer}. */
final class FrozenTrainerOptions {

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better dev macro-F1 (default: ${DEFAULT-VALUE}).")
    int patience = TrainingSettings.DEFAULT.patience();

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingSettings.DEFAULT.learningRate();

    @Option(names = "--context-window", paramLabel = "N",
            description = "Wordpieces left and right of the target pooled as context features; 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    int contextWindow = FeatureSettings.DEFAULT.contextWindow();

    @Option(names = "--pair", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Also encode \"mention [SEP] sentence\" per target (default: ${DEFAULT-VALUE}: measured no "
                    + "better on the dev carve, at twice the encoder cost).")
    boolean pair;

    /** The settings, with the options both trainers share; throws IllegalArgumentException when out of range. */
    TrainingSettings settings(Integer epochs, Integer batchSize, long seed, int hidden) {
        TrainingSettings d = TrainingSettings.DEFAULT;
        return new TrainingSettings(epochs != null ? epochs : d.epochs(), batchSize != null ? batchSize : d.batchSize(),
                seed, patience, learningRate, hidden, d.dropoutKeep(), d.l2(),
                new FeatureSettings(true, true, contextWindow, pair));
    }

    StanceTrainer trainer(TrainingSettings settings, TokenEncoder encoder, FeatureCache cache, PrintStream log) {
        return new FrozenEncoderTrainer(settings, encoder, cache, log);
    }
}
