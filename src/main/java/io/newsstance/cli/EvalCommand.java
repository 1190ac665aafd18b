package io.newsstance.cli;

import io.newsstance.StanceClassifier;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.BadInputException;
import io.newsstance.api.Polarity;
import io.newsstance.data.ActorSwap;
import io.newsstance.data.DirectedPair;
import io.newsstance.data.DyadExample;
import io.newsstance.data.DyadFile;
import io.newsstance.data.DyadFileReader;
import io.newsstance.data.StanceExample;
import io.newsstance.data.TrainingDataReader;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.evaluation.Baseline;
import io.newsstance.evaluation.DirectedEvaluation;
import io.newsstance.evaluation.DyadEvaluator;
import io.newsstance.evaluation.DyadSwapEvaluation;
import io.newsstance.evaluation.Evaluation;
import io.newsstance.evaluation.Evaluator;
import io.newsstance.evaluation.MajorityBaseline;
import io.newsstance.evaluation.ModelEvaluator;
import io.newsstance.evaluation.SwapEvaluation;
import io.newsstance.evaluation.VaderBaseline;
import io.newsstance.io.AtomicFile;
import io.newsstance.io.Json;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.ModelFile;
import io.newsstance.model.StanceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code newsstance eval}: score a model (or a baseline) on labelled files, using their gold target spans. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a stance model on labelled files (.csv, .jsonl) with their gold target spans.",
                "Prints accuracy, macro-F1, per-class precision/recall/F1, the confusion matrix and a per-actor "
                        + "breakdown."},
        footer = {"", "Examples:",
                "  newsstance eval --model models/default.zip --data training-data/stance-test.csv",
                "  newsstance eval --baseline vader --data training-data/stance-test.csv --json -",
                "  newsstance eval --swap --data training-data/stance-dev.csv",
                "  newsstance eval --dyads --data training-data/dyads-test.csv PARK/test.tsv   # PARK: Park et al.'s folder"})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE.zip",
            description = "Model file (default: the shipped model, as score).")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", required = true, arity = "1..*", description = "Labelled files.")
    List<Path> data;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "Evaluate a baseline instead of the model: vader (sentence-level lexicon, label given "
                    + "to every target) or majority (the model's most frequent training label, or --majority-label).")
    String baseline;

    @Option(names = "--majority-label", paramLabel = "LABEL", description = "Label for --baseline majority.")
    String majorityLabel;

    @Option(names = "--json", paramLabel = "OUT|-", description = "Write the evaluation as one JSON object to OUT, or - for stdout.")
    String json;

    @Option(names = "--swap", description = "Also evaluate every pair with its target replaced by an uninvolved actor "
            + "of the same kind (name for name, capital for capital, leader for leader), and print the swap "
            + "consistency: the share of pairs whose predicted label does not change.")
    boolean swap;

    @Option(names = "--dyads", description = "The --data files are dyad files (the dyad CSV, or Park et al.'s "
            + "directed-sentiment TSV, which also gets their five-class accuracy and macro-F1): evaluate the model's "
            + "dyad head, A's stance toward B.")
    boolean dyads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the --swap replacements (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (dyads) {
            if (baseline != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--dyads evaluates the model's dyad head: --baseline does not apply");
            }
            return evaluateDyads();
        }
        List<StanceExample> examples = new TrainingDataReader().readAll(data);
        if (examples.isEmpty()) {
            throw new BadInputException("no labelled examples in "
                    + data.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        Evaluation evaluation;
        SwapEvaluation swapped = null;
        String name;
        if (baseline == null) {
            try (MiniLmEncoder encoder = loadEncoder()) {
                StanceModel m = loadModel(encoder);
                name = model != null ? model.toString() : "default model";
                ModelEvaluator evaluator = new ModelEvaluator(FeatureCache.defaultCache());
                if (swap) {
                    swapped = SwapEvaluation.of(examples, new ActorSwap(ActorDictionary.loadDefault()), seed,
                            ex -> evaluator.predict(m, ex));
                    evaluation = swapped.asWritten();
                } else {
                    evaluation = evaluator.evaluate(m, examples);
                }
            }
        } else {
            Baseline b = baseline();
            name = b.name();
            if (swap) {
                swapped = SwapEvaluation.of(examples, new ActorSwap(ActorDictionary.loadDefault()), seed, b::predict);
                evaluation = swapped.asWritten();
            } else {
                evaluation = new Evaluator().evaluate(examples.stream().map(StanceExample::stance).toList(),
                        b.predict(examples), examples.stream().map(StanceExample::actor).toList());
            }
        }
        Map<String, Object> out = evaluation.toJson();
        out.put("model", name);
        out.put("data", data.stream().map(Path::toString).toList());
        if (swapped != null) {
            out.put("swap", swapped.toJson());
        }
        SwapEvaluation swapCheck = swapped;
        emit(out, stdout -> {
            print(name, evaluation, stdout);
            if (swapCheck != null) {
                printSwap(swapCheck, stdout);
            }
        });
        return 0;
    }

    /**
     * The one way eval reports: with {@code --json -} the JSON object alone on stdout; else the text {@code print}
     * writes, and with {@code --json FILE} the JSON object written atomically to FILE too.
     */
    private void emit(Map<String, Object> out, java.util.function.Consumer<PrintWriter> print) {
        PrintWriter stdout = spec.commandLine().getOut();
        if ("-".equals(json)) {
            stdout.println(Json.line(out));
        } else {
            print.accept(stdout);
            if (json != null) {
                AtomicFile.write(Path.of(json), o -> o.write((Json.pretty(out) + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        }
        stdout.flush();
    }

    private int evaluateDyads() {
        List<DyadFile> files = new DyadFileReader().readAll(data);
        List<DyadExample> all = files.stream().flatMap(f -> f.dyads().stream()).toList();
        if (all.isEmpty()) {
            throw new BadInputException("no labelled dyads in "
                    + data.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        List<DirectedPair> pairs = files.stream().flatMap(f -> f.pairs().stream()).toList();
        try (MiniLmEncoder encoder = loadEncoder()) {
            StanceModel m = loadModel(encoder);
            String name = model != null ? model.toString() : "default model";
            if (!m.hasDyads()) {
                throw new BadInputException(name + ": has no dyad head (add one with 'newsstance train-dyads')");
            }
            DyadEvaluator evaluator = new DyadEvaluator();
            Evaluation evaluation = evaluator.evaluate(m, all);
            DirectedEvaluation directed = pairs.isEmpty() ? null : evaluator.evaluateDirected(m, pairs);
            DyadSwapEvaluation swapped = !swap ? null : DyadSwapEvaluation.of(all,
                    new ActorSwap(ActorDictionary.loadDefault()), seed,
                    ds -> DyadEvaluator.predict(m, ds));
            Map<String, Object> out = evaluation.toJson();
            out.put("model", name);
            out.put("data", data.stream().map(Path::toString).toList());
            out.put("task", "dyads");
            if (directed != null) {
                out.put("directed", directed.toJson());
            }
            if (swapped != null) {
                out.put("swap", swapped.toJson());
            }
            emit(out, stdout -> {
                print(name + ", dyads (A's stance toward B; per source actor below)", evaluation, stdout);
                if (directed != null) {
                    stdout.printf("%nPark et al.'s five classes:%n");
                    directed.lines().forEach(stdout::println);
                }
                if (swapped != null) {
                    stdout.printf(Locale.ROOT, "%nswap check: %d dyads with one end replaced by an uninvolved actor of "
                            + "the same kind (%d ends without a replacement left out)%n", swapped.swapped().n(),
                            swapped.unswappable());
                    stdout.printf(Locale.ROOT, "as written macro-F1 %.4f, swapped %.4f; swap consistency %.4f%n",
                            swapped.swappable().macroF1(), swapped.swapped().macroF1(), swapped.consistency());
                }
            });
        }
        return 0;
    }

    private Baseline baseline() {
        return switch (baseline) {
            case "vader" -> new VaderBaseline();
            case "majority" -> new MajorityBaseline(majorityLabel != null
                    ? Polarity.parse(majorityLabel).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "--majority-label must be negative, neutral or positive"))
                    : modelMajority());
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--baseline must be vader or majority");
        };
    }

    /** The majority label of the model's training data (from its card). */
    private Polarity modelMajority() {
        try (MiniLmEncoder encoder = loadEncoder()) {
            return majorityOf(loadModel(encoder));
        }
    }

    /** The base encoder the model to evaluate was trained on. */
    private MiniLmEncoder loadEncoder() {
        return MiniLmEncoder.load(model != null ? ModelFile.baseEncoder(model)
                : ModelFile.baseEncoder(StanceClassifier.defaultModelBytes(), "default model"), 1);
    }

    /** The --model file, else the model score uses (jar, -Dnewsstance.model, models/default.zip). */
    private StanceModel loadModel(MiniLmEncoder encoder) {
        return model != null ? ModelFile.read(model, encoder) : ModelFile.read(
                new ByteArrayInputStream(StanceClassifier.defaultModelBytes()), "default model", encoder);
    }

    private static Polarity majorityOf(StanceModel m) {
        Object counts = m.card().notes().get("train_label_counts");
        if (counts instanceof Map<?, ?> map) {
            Polarity best = Polarity.NEUTRAL;
            long bestCount = -1;
            for (Polarity p : Polarity.values()) {
                Object v = map.get(p.label());
                long c = v instanceof Number n ? n.longValue() : 0;
                if (c > bestCount) {
                    best = p;
                    bestCount = c;
                }
            }
            return best;
        }
        return Polarity.NEUTRAL;
    }

    static void printSwap(SwapEvaluation s, PrintWriter out) {
        out.printf(Locale.ROOT, "%nswap check: %d pairs with their target replaced by an uninvolved actor of the same "
                + "kind (%d without a same-kind replacement left out)%n", s.swapped().n(), s.unswappable());
        out.printf(Locale.ROOT, "%-22s %9s %9s%n", "", "accuracy", "macro-F1");
        out.printf(Locale.ROOT, "%-22s %9.4f %9.4f%n", "as written", s.swappable().accuracy(), s.swappable().macroF1());
        out.printf(Locale.ROOT, "%-22s %9.4f %9.4f%n", "swapped", s.swapped().accuracy(), s.swapped().macroF1());
        out.printf(Locale.ROOT, "swap consistency %.4f (share of pairs whose predicted label did not change)%n",
                s.consistency());
    }

    static void print(String name, Evaluation e, PrintWriter out) {
        out.printf(Locale.ROOT, "%s on %d examples%n", name, e.n());
        out.printf(Locale.ROOT, "accuracy %.4f   macro-F1 %.4f%n%n", e.accuracy(), e.macroF1());
        out.printf(Locale.ROOT, "%-9s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        e.perClass().forEach((label, c) -> out.printf(Locale.ROOT, "%-9s %9.4f %9.4f %9.4f %8d%n", label.label(),
                c.precision(), c.recall(), c.f1(), c.support()));
        out.printf(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-9s %9s %9s %9s%n", "", "negative",
                "neutral", "positive");
        for (Polarity g : Polarity.values()) {
            int[] row = e.confusion()[g.ordinal()];
            out.printf(Locale.ROOT, "%-9s %9d %9d %9d%n", g.label(), row[0], row[1], row[2]);
        }
        if (!e.perActor().isEmpty()) {
            out.printf(Locale.ROOT, "%n%-14s %6s %9s %9s%n", "actor", "n", "accuracy", "macro-F1");
            e.perActor().entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().n(), a.getValue().n()))
                    .forEach(en -> out.printf(Locale.ROOT, "%-14s %6d %9.4f %9.4f%n", en.getKey(), en.getValue().n(),
                            en.getValue().accuracy(), en.getValue().macroF1()));
        }
    }
}
