package io.newsstance.cli;

import io.newsstance.StanceClassifier;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.bench.Bench;
import io.newsstance.bench.BenchReport;
import io.newsstance.io.Json;
import io.newsstance.model.FeatureCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code newsstance bench}: figures for the default model (a shell over {@link Bench}). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, subcommands = BenchReportCommand.class,
        description = {"Measure the default model (or --model) on this machine: scoring throughput (sentences/s, mentions/s) on "
                + "the sample articles with the VADER baseline on the same sentences, article latency p50/p95 for "
                + "5- and 60-sentence articles, time per epoch of the stance head on cached features of a slice of "
                + "the training data, and peak heap and GC per phase.",
                "Run it from the repository root (it reads training-data/). Progress goes to stderr, figures to "
                        + "stdout."},
        footer = {"", "Example:", "  newsstance bench --warmup 2 --iterations 5 --json"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Unmeasured runs of each phase (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Measured runs of each phase (default: ${DEFAULT-VALUE}).")
    int iterations = 5;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--threads", paramLabel = "N",
            description = "Scoring threads (default: as score: cores, at most 4).")
    Integer threads;

    @Option(names = "--articles", paramLabel = "PATH", description = "Articles to score (default: ${DEFAULT-VALUE}).")
    Path articles = Path.of("training-data", "articles");

    @Option(names = "--train-data", paramLabel = "FILE", description = "Labelled CSV for the training figure "
            + "(default: ${DEFAULT-VALUE}).")
    Path trainData = Path.of("training-data", "stance-train.csv");

    @Option(names = "--train-examples", paramLabel = "N", description = "Size of the training slice; 0 skips "
            + "training (default: ${DEFAULT-VALUE}).")
    int trainExamples = 1000;

    @Option(names = "--model", paramLabel = "FILE.zip", description = "Model file to measure (default: the shipped "
            + "model).")
    Path model;

    @Option(names = "--compare", paramLabel = "FILE.zip", description = "A second model whose throughput is "
            + "measured in the same run, pass for pass alternating with the first, and compared.")
    Path compare;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache directory (default: as train).")
    Path cache;

    @Override
    public Integer call() {
        if (warmup < 0 || iterations < 1 || trainExamples < 0 || threads != null && threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--warmup must be >= 0, --iterations and --threads >= 1, --train-examples >= 0");
        }
        int n = threads != null ? threads : StanceClassifier.defaultThreads();
        Bench.Options options = new Bench.Options(warmup, iterations, n, articles, trainData, trainExamples,
                cache == null ? FeatureCache.defaultCache() : new FeatureCache(cache));
        PrintStream progress = System.err;
        BenchReport report;
        ActorDictionary actors = ActorDictionary.loadDefault();
        java.util.function.Supplier<StanceClassifier> load = () -> model == null
                ? StanceClassifier.loadDefault(actors, n) : StanceClassifier.load(model, actors, n);
        Bench bench = new Bench(options, progress);
        Bench.Loaded first = Bench.timeFirstLoad(load);
        try (StanceClassifier classifier = first.classifier()) {
            progress.println("bench: model load times");
            BenchReport.LoadTime loadTime = bench.loadTimes(first.seconds(), load);
            if (compare == null) {
                report = bench.run(classifier, loadTime, null);
            } else {
                java.util.function.Supplier<StanceClassifier> other = () -> StanceClassifier.load(compare, actors, n);
                Bench.Loaded second = Bench.timeFirstLoad(other);
                try (StanceClassifier comparison = second.classifier()) {
                    report = bench.run(classifier, loadTime, new Bench.Comparison(compare.getFileName().toString(),
                            comparison, bench.loadTimes(second.seconds(), other)));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.line(report.toJson()) + System.lineSeparator() : report.toText());
        out.flush();
        return 0;
    }
}
