package io.newsstance.cli;

import io.newsstance.data.DataChecker;
import io.newsstance.data.DataSplitter;
import io.newsstance.data.DataStats;
import io.newsstance.data.PageCarve;
import io.newsstance.data.TrainingDataReader;
import io.newsstance.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsstance data check|stats}: validate and describe labelled training files. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Validate and describe labelled training data (stance CSV, NewsMTSC JSON Lines).",
        subcommands = {DataCommand.Check.class, DataCommand.Stats.class, DataCommand.Split.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: check or stats");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check encoding, columns, labels, offsets against mention text, duplicate ids and "
                    + "sentences that appear in two splits.",
                    "Prints each problem as file:line: reason; exit code 1 if there is any."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Training files (.csv, .jsonl).")
        List<Path> files;

        @Override
        public Integer call() {
            DataChecker.Report report = new DataChecker().check(files);
            PrintWriter out = spec.commandLine().getOut();
            report.problems().forEach(out::println);
            out.printf("checked %d files: %d rows, %d valid pairs, %d problems%n", report.files(), report.rows(),
                    report.examples(), report.problems().size());
            out.flush();
            return report.ok() ? 0 : NewsstanceCommand.EXIT_BAD_INPUT;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts: pairs, sentences, actor x stance, alias kinds, multi-actor sentences.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Training files (.csv, .jsonl).")
        List<Path> files;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            DataStats stats = DataStats.of(new TrainingDataReader().readAll(files));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(stats.toJson()));
            } else {
                print(stats, out);
            }
            out.flush();
            return 0;
        }

        private static void print(DataStats s, PrintWriter out) {
            out.printf("pairs %d, sentences %d%n", s.pairs(), s.sentences());
            out.printf("stance: %s%n", shares(s.byStance(), s.pairs()));
            out.printf("sentence sentiment: %s%n", s.bySentiment());
            out.printf("multi-target sentences: %d (%.1f%%), of which with differing stances: %d (%.1f%%)%n",
                    s.multiTargetSentences(), pct(s.multiTargetSentences(), s.sentences()), s.differingSentences(),
                    pct(s.differingSentences(), s.multiTargetSentences()));
            out.printf("splits: %s%n", s.bySplit());
            out.printf("alias kinds: %s%n", s.aliasKinds());
            out.printf("%n%-14s %8s %8s %8s %8s%n", "actor", "negative", "neutral", "positive", "total");
            s.actors().entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().get("total"), a.getValue().get("total")))
                    .forEach(e -> out.printf("%-14s %8d %8d %8d %8d%n", e.getKey(), e.getValue().get("negative"),
                            e.getValue().get("neutral"), e.getValue().get("positive"), e.getValue().get("total")));
            List<DataStats.Balance> balance = s.balance(DataStats.BALANCE_TOP, DataStats.BALANCE_FLOOR);
            out.printf("%nlabel balance of the %d most frequent actors (floor: every label at least %.0f%% of the "
                    + "actor's pairs)%n", DataStats.BALANCE_TOP, 100 * DataStats.BALANCE_FLOOR);
            out.printf("%-14s %6s %9s %9s %9s  %s%n", "actor", "pairs", "negative", "neutral", "positive", "");
            for (DataStats.Balance b : balance) {
                out.printf("%-14s %6d %8.1f%% %8.1f%% %8.1f%%  %s%n", b.actor(), b.total(),
                        100 * b.shares().get("negative"), 100 * b.shares().get("neutral"),
                        100 * b.shares().get("positive"), b.ok() ? "" : "UNDER FLOOR: " + String.join(", ", b.under()));
            }
            long under = balance.stream().filter(b -> !b.ok()).count();
            out.printf("%s%n", under == 0 ? "balance floor met for all " + balance.size() + " actors"
                    : under + " of " + balance.size() + " actors under the balance floor");
        }

        private static String shares(Map<String, Integer> counts, int total) {
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, v) -> sb.append(k).append(' ').append(v)
                    .append(String.format(" (%.1f%%)  ", pct(v, total))));
            return sb.toString().strip();
        }

        private static double pct(int a, int b) {
            return b == 0 ? 0 : 100.0 * a / b;
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = {"Carve a dev share off NewsMTSC JSON Lines and write both sides as JSON Lines (lines "
                    + "copied verbatim).",
                    "--by sentence (default): one file, by sentence, stratified, seeded; the same carve as train "
                            + "--dev-fraction.",
                    "--by source: one or more files (e.g. all of realnews), by page: every line's \"source\" "
                            + "names its page and no page is on both sides; seeded."})
    static final class Split implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "NewsMTSC JSON Lines file(s).")
        List<Path> files;

        @Option(names = "--by", paramLabel = "UNIT", defaultValue = "sentence",
                description = "sentence or source (page) (default: ${DEFAULT-VALUE}).")
        String by;

        @Option(names = "--fraction", paramLabel = "F", defaultValue = "0.1", description = "Dev share (default: ${DEFAULT-VALUE}).")
        double fraction;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--train-out", paramLabel = "FILE", required = true, description = "Where the rest goes.")
        Path trainOut;

        @Option(names = "--dev-out", paramLabel = "FILE", required = true, description = "Where the dev share goes.")
        Path devOut;

        @Override
        public Integer call() {
            if (fraction <= 0 || fraction >= 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--fraction must be in (0, 1)");
            }
            if ("source".equals(by)) {
                PageCarve.Counts c = PageCarve.split(files, trainOut, devOut, fraction, seed);
                spec.commandLine().getOut().printf("%d files: %d lines (%d pages) to %s, %d lines (%d pages) to %s%n",
                        files.size(), c.trainLines(), c.trainPages(), trainOut, c.devLines(), c.devPages(), devOut);
            } else if ("sentence".equals(by)) {
                if (files.size() != 1) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--by sentence takes one file; use --by source to carve several files together");
                }
                DataSplitter.Counts c = DataSplitter.split(files.get(0), trainOut, devOut, fraction, seed);
                spec.commandLine().getOut().printf("%s: %d lines to %s, %d lines to %s%n", files.get(0), c.trainLines(),
                        trainOut, c.devLines(), devOut);
            } else {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--by must be sentence or source");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
