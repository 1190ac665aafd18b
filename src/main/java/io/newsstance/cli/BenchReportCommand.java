package io.newsstance.cli;

import io.newsstance.report.ReportBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code newsstance bench report}: the report's throughput on synthetic rows (a shell over {@link ReportBench}). */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure newsstance report: write N synthetic mentions in score's format (JSON Lines; 30 actors, "
                + "12 sources, a year of days, 2%% undated) and the dyads of every sentence with two different actors "
                + "(nested in sentence rows, or as dyad rows next to mention rows), then time reading, aggregating and "
                + "writing the report. Prints rows, seconds, rows/s (mentions and dyads) and the report's size."},
        footer = {"", "Example:", "  newsstance bench report --rows 100000"})
public final class BenchReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", description = "Mentions to generate (default: ${DEFAULT-VALUE}).")
    long rows = 100_000;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "mention or sentence rows (sentence rows carry the evidence text; default: ${DEFAULT-VALUE}).")
    String level = "mention";

    @Option(names = "--no-dyads", description = "Generate mentions only, no dyads.")
    boolean noDyads;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the rows and the report (default: a "
            + "temporary directory, deleted afterwards).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (rows < 1 || !(level.equals("mention") || level.equals("sentence"))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rows must be >= 1 and --level mention or sentence");
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("newsstance-bench-report");
        ReportBench.Result r;
        try {
            r = ReportBench.run(work, rows, level, !noDyads);
        } finally {
            if (dir == null) {
                try (var files = Files.list(work)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(work);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "report from %,d mentions in %s rows and %,d dyads of %,d pairs (%.1f MB of JSON Lines; "
                        + "%d actors, %d sources, %d days): %.2f s, %,.0f rows/s, report %.2f MB%n", r.rows(), r.level(),
                r.dyads(), r.pairs(), r.inputBytes() / 1e6, r.actors(), r.sources(), r.days(), r.seconds(),
                r.rowsPerSecond(), r.reportBytes() / 1e6);
        out.flush();
        return NewsstanceCommand.EXIT_OK;
    }
}
