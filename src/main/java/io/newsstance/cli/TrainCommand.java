package io.newsstance.cli;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.BadInputException;
import io.newsstance.data.ActorSwap;
import io.newsstance.data.DevCarve;
import io.newsstance.data.Repeats;
import io.newsstance.data.StanceExample;
import io.newsstance.data.TrainingDataReader;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.evaluation.ModelEvaluator;
import io.newsstance.finetune.DyadObjective;
import io.newsstance.finetune.FineTuneSettings;
import io.newsstance.io.Json;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.ModelCard;
import io.newsstance.model.ModelFile;
import io.newsstance.model.StanceModel;
import io.newsstance.training.StanceTrainer;
import io.newsstance.training.TrainingData;
import io.newsstance.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsstance train}: train a stance model from labelled files. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a stance model and write it as one zip file: DL4J heads over frozen MiniLM features, "
                + "or with --fine-tune the upper MiniLM layers trained with a target head in SameDiff.",
                "The same data, settings and seed give the same model. Encoder features are cached on disk "
                        + "($NEWSSTANCE_CACHE or ~/.cache/newsstance), so training again is quick; fine-tuning "
                        + "checkpoints itself and resumes when run again with the same data and settings."},
        footer = {"", "Examples:",
                "  newsstance train --data training-data/stance-train.csv --dev training-data/stance-dev.csv \\",
                "      --test training-data/stance-test.csv --out models/mine.zip",
                "  newsstance train --fine-tune --trainable-layers 2 --epochs 3 --data training-data/stance-train.csv \\",
                "      --dev training-data/stance-dev.csv --out models/tuned.zip"})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", required = true, arity = "1..*",
            description = "Training files: stance CSV (.csv) or NewsMTSC JSON Lines (.jsonl).")
    List<Path> data;

    @Option(names = "--dev", paramLabel = "FILE", arity = "1..*",
            description = "Dev files for early stopping and model selection.")
    List<Path> dev = List.of();

    @Option(names = "--repeat", paramLabel = "FILE=N", mapFallbackValue = "1",
            description = "Read this --data file N times, to weight a small file against large ones; each copy "
                    + "draws its own --swap-augment names (e.g. --repeat target/realnews/train.jsonl=3).")
    Map<Path, Integer> repeat = new LinkedHashMap<>();

    @Option(names = "--dev-fraction", paramLabel = "F", defaultValue = "0",
            description = "Also carve this share of each --data file off as dev (by sentence, stratified, seeded).")
    double devFraction;

    @Option(names = "--test", paramLabel = "FILE", arity = "1..*",
            description = "Evaluate the trained model on these files and record the scores in the model card.")
    List<Path> test = List.of();

    @Option(names = "--out", paramLabel = "FILE.zip", required = true, description = "Model file to write.")
    Path out;

    @Option(names = "--fine-tune", description = "Fine-tune the encoder's upper layers with a target head "
            + "(SameDiff) instead of training heads over frozen features.")
    boolean fineTune;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: "
            + "40, or 3 with --fine-tune).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Minibatch size (default: 64, or 32 with "
            + "--fine-tune).")
    Integer batchSize;

    @Mixin
    FrozenTrainerOptions frozen;

    @Mixin
    FineTuneOptions fineTuning;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = TrainingSettings.DEFAULT.seed();

    @Option(names = "--swap-augment", paramLabel = "P", defaultValue = "0",
            description = "With probability P, replace a training pair's target mention by an alias of the same "
                    + "kind of another actor (name for name, demonym for demonym, capital for capital, leader for "
                    + "leader), label kept, other targets moved; seeded by --seed (default: ${DEFAULT-VALUE}).")
    double swapAugment;

    @Option(names = "--hidden", paramLabel = "N", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden = TrainingSettings.DEFAULT.hidden();

    @Option(names = "--card-notes", paramLabel = "FILE.json",
            description = "A JSON object merged into the model card's notes (e.g. the variant comparison).")
    Path cardNotes;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache directory.")
    Path cache;

    @Override
    public Integer call() throws IOException {
        if (devFraction < 0 || devFraction >= 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--dev-fraction must be in [0, 1)");
        }
        checkModeOptions();
        TrainingSettings settings;
        FineTuneSettings fineTuneSettings = null;
        try {
            settings = frozen.settings(fineTune ? null : epochs, fineTune ? null : batchSize, seed, hidden);
            if (fineTune) {
                fineTuneSettings = fineTuning.settings(epochs, batchSize, seed, hidden);
            }
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid training settings: "
                    + "--epochs, --batch-size, --hidden and --patience must be >= 1, --trainable-layers 1 to the "
                    + "encoder's layers, --encoder one of " + io.newsstance.encoder.BaseEncoder.options()
                    + ", learning rates > 0, --warmup in [0, 1)");
        }
        PrintStream log = System.err;
        TrainingDataReader reader = new TrainingDataReader();
        List<StanceExample> train = new ArrayList<>();
        List<StanceExample> devExamples = new ArrayList<>();
        List<ModelCard.DataFile> trainFiles = new ArrayList<>();
        List<ModelCard.DataFile> devFiles = new ArrayList<>();
        checkRepeats();
        Map<Integer, List<StanceExample>> copies = new LinkedHashMap<>();
        for (Path f : data) {
            List<StanceExample> examples = reader.readAll(List.of(f));
            if (devFraction > 0) {
                DevCarve.Split split = DevCarve.carve(examples, devFraction, seed);
                train.addAll(split.train());
                devExamples.addAll(split.dev());
                devFiles.add(dataFile(f, split.dev().size()));
                trainFiles.add(dataFile(f, split.train().size()));
                examples = split.train();
            } else {
                train.addAll(examples);
                trainFiles.add(dataFile(f, examples.size()));
            }
            for (int k = 2; k <= repeat.getOrDefault(f, 1); k++) {
                copies.computeIfAbsent(k, c -> new ArrayList<>()).addAll(Repeats.copy(examples, k));
            }
        }
        for (Path f : dev) {
            List<StanceExample> examples = reader.readAll(List.of(f));
            devExamples.addAll(examples);
            devFiles.add(dataFile(f, examples.size()));
        }
        if (train.isEmpty()) {
            throw new BadInputException("no training examples in " + data);
        }
        if (swapAugment < 0 || swapAugment > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--swap-augment must be in [0, 1]");
        }
        if (swapAugment > 0) {
            ActorSwap swap = new ActorSwap(ActorDictionary.loadDefault());
            List<StanceExample> augmented = new ArrayList<>(swap.augment(train, swapAugment, seed));
            for (var copy : copies.entrySet()) {
                augmented.addAll(swap.augment(copy.getValue(), swapAugment, Repeats.swapSeed(seed, copy.getKey())));
            }
            long changed = augmented.stream().filter(e -> e.id().endsWith("~swap")).count();
            log.printf("swap augmentation: %d of %d training pairs have a swapped target (p = %s)%n", changed,
                    augmented.size(), swapAugment);
            train = augmented;
        } else {
            copies.values().forEach(train::addAll);
        }
        DyadObjective dyadObjective;
        try {
            dyadObjective = fineTune ? fineTuning.dyadObjective(log) : null;
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        TrainingData trainingData = new TrainingData(train, devExamples, trainFiles, devFiles, devFraction);
        // Training encodes once and caches: give the encoder every core.
        io.newsstance.encoder.BaseEncoder base = fineTune ? fineTuning.base() : io.newsstance.encoder.BaseEncoder.MINILM_L6;
        try (MiniLmEncoder encoder = MiniLmEncoder.load(base, Runtime.getRuntime().availableProcessors())) {
            FeatureCache featureCache = cache == null ? FeatureCache.defaultCache() : new FeatureCache(cache);
            StanceTrainer trainer = fineTune
                    ? fineTuning.trainer(fineTuneSettings, encoder, featureCache, log, out, dyadObjective)
                    : frozen.trainer(settings, encoder, featureCache, log);
            StanceModel model = trainer.train(trainingData);
            ModelEvaluator evaluator = new ModelEvaluator(featureCache);
            ModelCard card = model.card();
            for (Path f : test) {
                List<StanceExample> examples = reader.readAll(List.of(f));
                card = card.withMetric("test:" + f, evaluator.evaluate(model, examples).toJson());
            }
            if (swapAugment > 0) {
                card = card.withNote("swap_augment", swapAugment);
            }
            if (!repeat.isEmpty()) {
                Map<String, Integer> repeats = new LinkedHashMap<>();
                repeat.forEach((f, n) -> repeats.put(f.toString(), n));
                card = card.withNote("repeat", repeats);
            }
            if (cardNotes != null) {
                try {
                    Map<String, Object> notes = Json.MAPPER.readValue(cardNotes.toFile(),
                            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                            });
                    card = card.withNotes(notes);
                } catch (IOException e) {
                    throw new BadInputException(cardNotes + ": not a JSON object (" + e.getMessage() + ")");
                }
            }
            model = model.withCard(card);
            ModelFile.write(model, out);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", out.toString());
            summary.put("epochs_run", model.card().epochsRun());
            summary.put("best_epoch", model.card().bestEpoch());
            model.card().metrics().forEach((k, v) -> summary.put(k + " macro_f1",
                    ((Map<?, ?>) v).get("macro_f1")));
            spec.commandLine().getOut().println(Json.line(summary));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** A --repeat must name a --data file and a count of at least 1. */
    private void checkRepeats() {
        for (var r : repeat.entrySet()) {
            if (!data.contains(r.getKey())) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeat " + r.getKey()
                        + ": not one of the --data files " + data);
            }
            if (r.getValue() == null || r.getValue() < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeat " + r.getKey()
                        + ": the count must be 1 or more, got " + r.getValue());
            }
        }
    }

    /** Options of one mode given in the other would be silently ignored: refuse them instead. */
    private void checkModeOptions() {
        var parsed = spec.commandLine().getParseResult();
        String other = fineTune ? "frozen" : "fineTuning";
        for (var option : spec.mixins().get(other).options()) {
            if (parsed.hasMatchedOption(option.longestName())) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option.longestName()
                        + " applies only " + (fineTune ? "without" : "with") + " --fine-tune");
            }
        }
    }

    static ModelCard.DataFile dataFile(Path f, int examples) throws IOException {
        return new ModelCard.DataFile(f.toString(), ModelFile.sha256(Files.readAllBytes(f)), examples);
    }
}
