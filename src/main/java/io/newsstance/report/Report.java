package io.newsstance.report;

import io.newsstance.actors.Actor;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.io.AtomicFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The report in two steps, for the command, the benchmark and tests: {@link #build} reads and aggregates,
 * {@link #write} writes the page atomically (a killed run leaves no half-written report under the name).
 */
public final class Report {

    /** What was written: the data and the file's size in bytes. */
    public record Written(ReportData data, long bytes) {
    }

    private Report() {
    }

    /** Reads {@code inputs} and aggregates them; actor names not given by article rows come from {@code dictionary}. */
    public static ReportData build(List<Path> inputs, String title, ActorDictionary dictionary) {
        ReportAggregator aggregator = new ReportAggregator(id -> dictionary.actor(id).map(Actor::name).orElse(id));
        List<ScoreFiles.Input> read = ScoreFiles.read(inputs, aggregator);
        return aggregator.result(title, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), read);
    }

    /** Writes the page for {@code data} to {@code out}. */
    public static Written write(ReportData data, Path out) {
        byte[] html = ReportPage.html(data).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(out, os -> os.write(html));
        return new Written(data, html.length);
    }
}
