package io.newsstance.cli;

import io.newsstance.report.Report;
import io.newsstance.report.ReportData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code newsstance report}: one self-contained HTML report from score or Spark output (a shell over {@link Report}). */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write an HTML report for analysts from what score writes (JSON Lines or CSV, at mention, "
                + "sentence, article or dyad level; format and level are read from the files) or from a Spark job's "
                + "output directory (--output-format jsonl).",
                "The report is one file that opens with no network: per-actor stance over time with intervals and "
                        + "mention counts, actor x source means, the most negative and most positive evidence "
                        + "sentences per actor, and filters by actor and date. Sentence-level input gives evidence "
                        + "with the mention marked; article-level input adds the articles' URLs.",
                "Dyads (how actor A treats actor B: an A x B matrix, the top pairs, their evidence and their "
                        + "mean over time) come from dyad rows (score --level dyad), sentence rows, a Spark job's "
                        + "dyads/, or article rows in JSON Lines (their dyad tables)."},
        footer = {"", "Examples:",
                "  newsstance score --level sentence --out sentences.jsonl feed.jsonl",
                "  newsstance score --level article --out articles.jsonl feed.jsonl",
                "  newsstance report --out report.html sentences.jsonl articles.jsonl",
                "  newsstance score --level dyad --out dyads.jsonl feed.jsonl",
                "  newsstance report --out report.html sentences.jsonl dyads.jsonl",
                "  newsstance report --out report.html /data/spark-out/"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ActorOptions actorOptions;

    @Option(names = "--out", paramLabel = "FILE.html", defaultValue = "report.html",
            description = "Write the report here, atomically (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "newsstance report",
            description = "The report's heading (default: ${DEFAULT-VALUE}).")
    String title;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "score output files (.jsonl, .csv), directories of them, or Spark output directories.")
    List<Path> inputs;

    @Override
    public Integer call() {
        ReportData data = Report.build(inputs, title, actorOptions.dictionary());
        Report.Written w = Report.write(data, out);
        PrintWriter err = spec.commandLine().getErr();
        ReportData.Totals t = data.totals();
        err.printf(Locale.ROOT, "read %,d records from %d files: %,d mentions of %d actors in %,d articles (%,d mentions "
                        + "without a date), %,d dyads of %,d ordered pairs; wrote %s (%,d KB)%n", t.records(),
                data.inputs().size(), t.mentions(), t.actors(), t.articles(), t.undatedMentions(),
                data.dyads().totals().dyads(), data.dyads().totals().pairs(), out, (w.bytes() + 1023) / 1024);
        err.flush();
        return NewsstanceCommand.EXIT_OK;
    }
}
