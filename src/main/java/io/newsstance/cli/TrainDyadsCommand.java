package io.newsstance.cli;

import io.newsstance.api.BadInputException;
import io.newsstance.data.DyadExample;
import io.newsstance.data.DyadFile;
import io.newsstance.data.DyadFileReader;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.evaluation.DyadEvaluator;
import io.newsstance.io.Json;
import io.newsstance.model.DyadFeatureSettings;
import io.newsstance.model.ModelCard;
import io.newsstance.model.ModelFile;
import io.newsstance.model.StanceModel;
import io.newsstance.training.DyadHeadTrainer;
import io.newsstance.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsstance train-dyads}: add a dyad head (A's stance toward B) to a stance model file. */
@Command(name = "train-dyads", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the dyad head of a stance model: for an ordered pair of actors in a sentence, A's stance "
                + "toward B (annotation guide §6), read from the model's own encoder pass, so scoring dyads costs "
                + "no second pass. The stance and sentiment heads and the encoder are kept as they are.",
                "Dyad files: the newsstance dyad CSV (training-data/dyads-*.csv) or Park et al.'s directed-sentiment "
                        + "TSV (each record read as its two ordered pairs). The same files, settings and seed give "
                        + "the same head."},
        footer = {"", "Example:",
                "  newsstance train-dyads --model models/default.zip \\",
                "      --data training-data/dyads-train.csv --dev training-data/dyads-dev.csv \\",
                "      --test training-data/dyads-test.csv --out models/default.zip"})
public final class TrainDyadsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE.zip", required = true, description = "The stance model to add the head to.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", required = true, arity = "1..*", description = "Training dyad files.")
    List<Path> data;

    @Option(names = "--dev", paramLabel = "FILE", arity = "1..*", description = "Dev dyad files for early stopping.")
    List<Path> dev = List.of();

    @Option(names = "--test", paramLabel = "FILE", arity = "1..*",
            description = "Evaluate the head on these dyad files and record the scores in the model card "
                    + "(Park et al.'s TSV also gets their five-class scores).")
    List<Path> test = List.of();

    @Option(names = "--out", paramLabel = "FILE.zip", required = true,
            description = "Model file to write (may be --model itself).")
    Path out;

    @Option(names = "--no-between", description = "Leave out the wordpieces between the two mentions (an ablation).")
    boolean noBetween;

    @Option(names = "--stance-features", description = "Also give the head the stance head's probabilities toward A "
            + "and toward B (from the same pass; measured: +0.002 dev macro-F1 for 22%% of scoring throughput, so off by "
            + "default).")
    boolean stanceFeatures;

    @Option(names = "--balanced", description = "Weight each class's loss by n / (3 · its count), so positive and "
            + "negative dyads (the minority) weigh as much in total as neutral ones.")
    boolean balanced;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingSettings.DEFAULT.epochs();

    @Option(names = "--hidden", paramLabel = "N", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden = TrainingSettings.DEFAULT.hidden();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = TrainingSettings.DEFAULT.seed();

    @Override
    public Integer call() throws IOException {
        TrainingSettings settings;
        try {
            TrainingSettings d = TrainingSettings.DEFAULT;
            settings = new TrainingSettings(epochs, d.batchSize(), seed, d.patience(), d.learningRate(), hidden,
                    d.dropoutKeep(), d.l2(), d.features());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--epochs and --hidden must be >= 1");
        }
        DyadFileReader reader = new DyadFileReader();
        List<DyadExample> train = new ArrayList<>();
        List<ModelCard.DataFile> trainFiles = new ArrayList<>();
        for (DyadFile f : reader.readAll(data)) {
            train.addAll(f.dyads());
            trainFiles.add(TrainCommand.dataFile(f.path(), f.dyads().size()));
        }
        List<DyadExample> devDyads = new ArrayList<>();
        List<ModelCard.DataFile> devFiles = new ArrayList<>();
        for (DyadFile f : reader.readAll(dev)) {
            devDyads.addAll(f.dyads());
            devFiles.add(TrainCommand.dataFile(f.path(), f.dyads().size()));
        }
        if (train.isEmpty()) {
            throw new BadInputException("no training dyads in " + data);
        }
        List<DyadFile> tests = reader.readAll(test);
        try (MiniLmEncoder encoder = MiniLmEncoder.load(ModelFile.baseEncoder(model),
                Runtime.getRuntime().availableProcessors())) {
            StanceModel base = ModelFile.read(model, encoder);
            DyadFeatureSettings features = new DyadFeatureSettings(!noBetween, stanceFeatures);
            StanceModel trained = new DyadHeadTrainer(settings, features, balanced, System.err)
                    .train(base, train, devDyads, trainFiles, devFiles);
            ModelCard card = trained.card();
            DyadEvaluator evaluator = new DyadEvaluator();
            for (DyadFile f : tests) {
                card = card.withMetric("dyad_test:" + f.path(), evaluator.evaluate(trained, f.dyads()).toJson());
                if (!f.pairs().isEmpty()) {
                    card = card.withMetric("directed_test:" + f.path(),
                            evaluator.evaluateDirected(trained, f.pairs()).toJson());
                }
            }
            trained = trained.withCard(card);
            ModelFile.write(trained, out);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", out.toString());
            trained.card().metrics().forEach((k, v) -> {
                if (DyadHeadTrainer.isDyadMetric(k)) {
                    summary.put(k + " macro_f1", ((Map<?, ?>) v).get("macro_f1"));
                }
            });
            spec.commandLine().getOut().println(Json.line(summary));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
