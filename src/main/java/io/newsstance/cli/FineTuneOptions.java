package io.newsstance.cli;

import io.newsstance.api.BadInputException;
import io.newsstance.data.DyadExample;
import io.newsstance.data.DyadFile;
import io.newsstance.data.DyadFileReader;
import io.newsstance.encoder.BaseEncoder;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.finetune.DyadObjective;
import io.newsstance.finetune.FineTuneSettings;
import io.newsstance.finetune.FineTuneTrainer;
import io.newsstance.finetune.TargetInput;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.ModelCard;
import io.newsstance.training.StanceTrainer;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code train --fine-tune}'s options; they build a {@link FineTuneTrainer}. */
final class FineTuneOptions {

    @Option(names = "--encoder", paramLabel = "NAME", description = "--fine-tune: the pretrained encoder: "
            + "minilm-l6 (all-MiniLM-L6-v2, 6 layers), bge-small (bge-small-en-v1.5) or e5-small (e5-small-v2), 12 "
            + "layers each; the last two need a build with -Pencoders (default: minilm-l6).")
    String encoder = BaseEncoder.MINILM_L6.option();

    @Option(names = "--trainable-layers", paramLabel = "N", description = "--fine-tune: upper encoder layers "
            + "trained, 1 to the encoder's layers; the rest stay frozen (default: 2).")
    int trainableLayers = FineTuneSettings.DEFAULT.trainableLayers();

    @Option(names = "--encoder-learning-rate", paramLabel = "R", description = "--fine-tune: peak AdamW rate of "
            + "the encoder layers (default: 1e-4).")
    double encoderLearningRate = FineTuneSettings.DEFAULT.encoderLearningRate();

    @Option(names = "--head-learning-rate", paramLabel = "R", description = "--fine-tune: peak AdamW rate of the "
            + "head (default: 1e-3).")
    double headLearningRate = FineTuneSettings.DEFAULT.headLearningRate();

    @Option(names = "--warmup", paramLabel = "F", description = "--fine-tune: share of steps with a rising "
            + "learning rate (default: 0.1).")
    double warmup = FineTuneSettings.DEFAULT.warmupFraction();

    @Option(names = "--input", paramLabel = "KIND", description = "--fine-tune: what the encoder reads per "
            + "target: 'sentence' (the sentence alone, one pass per sentence for all its targets and its sentiment) "
            + "or 'segment' (\"sentence [SEP] mention\", one pass per target) (default: sentence).")
    String input = FineTuneSettings.DEFAULT.input().key();

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "--fine-tune: checkpoint file, resumed "
            + "when it matches the data and settings (default: the --out file + .checkpoint).")
    Path checkpoint;

    @Option(names = "--dyads", paramLabel = "FILE", arity = "1..*", description = "--fine-tune: also train the "
            + "encoder on these labelled ordered pairs (dyad CSV): a dyad loss beside the stance loss, so the tuned "
            + "layers learn who acts on whom. The served dyad head is trained afterwards (train-dyads).")
    List<Path> dyads = List.of();

    @Option(names = "--dyad-loss-weight", paramLabel = "W", description = "--fine-tune --dyads: weight of the "
            + "dyad loss against the stance loss (default: ${DEFAULT-VALUE}).")
    double dyadLossWeight = 1.0;

    /** The dyad objective of --dyads, or null without it; refuses files with no valid pair. */
    DyadObjective dyadObjective(PrintStream log) throws IOException {
        if (dyads.isEmpty()) {
            return null;
        }
        List<DyadExample> pairs = new ArrayList<>();
        List<ModelCard.DataFile> files = new ArrayList<>();
        for (DyadFile f : new DyadFileReader().readAll(dyads)) {
            f.problems().forEach(problem -> log.println("--dyads: left out: " + problem));
            pairs.addAll(f.dyads());
            files.add(TrainCommand.dataFile(f.path(), f.dyads().size()));
        }
        if (pairs.isEmpty()) {
            throw new BadInputException("--dyads: no valid labelled pairs in " + dyads);
        }
        try {
            return new DyadObjective(pairs, dyadLossWeight, files);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dyad-loss-weight: " + e.getMessage());
        }
    }

    /** The settings, with the options both trainers share; throws IllegalArgumentException when out of range. */
    FineTuneSettings settings(Integer epochs, Integer batchSize, long seed, int hidden) {
        if (trainableLayers > base().layers()) {
            throw new IllegalArgumentException("--trainable-layers must be 1-" + base().layers());
        }
        FineTuneSettings d = FineTuneSettings.DEFAULT;
        TargetInput kind = switch (input) {
            case "sentence" -> TargetInput.SENTENCE;
            case "segment" -> TargetInput.SEGMENT;
            default -> throw new IllegalArgumentException("--input must be 'sentence' or 'segment', not '" + input + "'");
        };
        return new FineTuneSettings(epochs != null ? epochs : d.epochs(), batchSize != null ? batchSize : d.batchSize(),
                seed, encoderLearningRate, headLearningRate, warmup, d.weightDecay(), trainableLayers, hidden,
                d.dropoutKeep(), d.checkpointSteps(), kind);
    }

    /** The {@code --encoder}; throws IllegalArgumentException for an unknown name. */
    BaseEncoder base() {
        return BaseEncoder.byOption(encoder);
    }

    StanceTrainer trainer(FineTuneSettings settings, MiniLmEncoder encoder, FeatureCache cache, PrintStream log,
                          Path out, DyadObjective dyadObjective) {
        return new FineTuneTrainer(settings, encoder, cache, log,
                checkpoint != null ? checkpoint : out.resolveSibling(out.getFileName() + ".checkpoint"), dyadObjective);
    }
}
