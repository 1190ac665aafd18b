package io.newsstance.report;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.io.Decimals;
import io.newsstance.io.Json;
import io.newsstance.output.DyadRow;
import io.newsstance.output.MentionRow;
import io.newsstance.output.OutputRow;
import io.newsstance.output.SentenceRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The report's throughput figure ({@code newsstance bench report}): writes {@code rows} synthetic mentions in score's
 * real format (its own row records, as JSON Lines) and, unless told not to, the dyads of every sentence with two
 * different actors (both ordered pairs: nested in sentence rows, or as {@code score --level dyad} rows next to
 * mention rows), then times {@link Report#build} and {@link Report#write} on them. A benchmark, not a timed test:
 * the figure depends on the machine.
 */
public final class ReportBench {

    /** What one run measured. */
    public record Result(long rows, long dyads, int pairs, String level, long inputBytes, double seconds,
                         long reportBytes, int actors, int sources, int days) {
        /** Mentions and dyads per second. */
        public double rowsPerSecond() {
            return (rows + dyads) / seconds;
        }
    }

    private static final String[] ACTORS = {"USA", "RUSSIA", "CHINA", "DPRK", "SOUTH_KOREA", "JAPAN", "UKRAINE", "IRAN",
        "ISRAEL", "EU", "NATO", "UN", "INDIA", "TURKEY", "UK", "FRANCE", "GERMANY", "BRAZIL", "SAUDI_ARABIA", "SYRIA",
        "VENEZUELA", "CUBA", "IAEA", "WHO", "IMF", "HAMAS", "PALESTINE", "TAIWAN", "PAKISTAN", "AFGHANISTAN"};
    private static final String[] SOURCES = {"Wire A", "Wire B", "Daily Globe", "Evening Post", "The Ledger",
        "Capital Times", "World Desk", "Morning Star", "Harbor News", "Metro Daily", "The Courier", "Radio One"};

    private ReportBench() {
    }

    /**
     * Writes {@code rows} mentions at {@code level} (mention or sentence) to {@code file}, with dyads when
     * {@code dyadFile} is given (nested in sentence rows; as dyad rows in {@code dyadFile} next to mention rows);
     * seeded, so repeatable. Returns the dyads written.
     */
    public static long generate(Path file, Path dyadFile, long rows, String level, long seed) {
        Random rnd = new Random(seed);
        LocalDate first = LocalDate.of(2025, 1, 1);
        boolean sentences = level.equals("sentence");
        long dyads = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             BufferedWriter dw = dyadFile == null || sentences ? null
                     : Files.newBufferedWriter(dyadFile, StandardCharsets.UTF_8)) {
            long written = 0;
            for (int article = 0; written < rows; article++) {
                String id = "bench-" + article;
                String date = rnd.nextInt(50) == 0 ? "" : first.plusDays(rnd.nextInt(365)).toString();
                int src = rnd.nextInt(SOURCES.length);
                int nSentences = 4 + rnd.nextInt(8);
                int offset = 0;
                for (int s = 0; s < nSentences && written < rows; s++) {
                    int nMentions = 1 + rnd.nextInt(2);
                    List<SentenceRow.Mention> ms = new ArrayList<>();
                    StringBuilder text = new StringBuilder("On the record, ");
                    for (int m = 0; m < nMentions && written < rows; m++, written++) {
                        int a = Math.min(ACTORS.length - 1, (int) Math.abs(rnd.nextGaussian() * 8));
                        double base = Math.sin(a * 1.7) * 0.5 + (src - 6) * 0.02;
                        double score = Decimals.round(Math.max(-1, Math.min(1, base + rnd.nextGaussian() * 0.45)));
                        int start = offset + text.length();
                        text.append(ACTORS[a]);
                        ms.add(new SentenceRow.Mention(ACTORS[a], start, start + ACTORS[a].length(), ACTORS[a],
                                ScoreStance.of(score), score));
                        text.append(m + 1 < nMentions ? " and " : " said officials would respond to the latest moves.");
                    }
                    List<SentenceRow.Dyad> ds = dyadFile == null ? List.of() : dyads(ms, rnd);
                    dyads += ds.size();
                    SentenceRow row = new SentenceRow(id, date, SOURCES[src], s, offset, offset + text.length(),
                            text.toString(), "neutral", 0.2, 0.6, 0.2, ms, ds);
                    offset += text.length() + 1;
                    List<OutputRow> out = new ArrayList<>();
                    if (sentences) {
                        out.add(row);
                    } else {
                        for (SentenceRow.Mention m : ms) {
                            out.add(new MentionRow(id, date, row.source(), s, m.actor(), m.start(), m.end(), m.text(),
                                    "name", m.stance(), 0.1, 0.8, 0.1, m.score()));
                        }
                    }
                    for (OutputRow r : out) {
                        w.write(Json.line(r.toMap()));
                        w.write('\n');
                    }
                    if (dw != null) {
                        for (SentenceRow.Dyad d : ds) {
                            SentenceRow.Mention a = ms.get(d.sourceActor().equals(ms.get(0).actor()) ? 0 : 1);
                            SentenceRow.Mention b = ms.get(a == ms.get(0) ? 1 : 0);
                            double p = Math.abs(d.score());
                            dw.write(Json.line(new DyadRow(id, date, row.source(), s, a.actor(), a.start(), a.end(),
                                    a.text(), b.actor(), b.start(), b.end(), b.text(), d.stance(), d.score() < 0 ? p : 0,
                                    1 - p, d.score() > 0 ? p : 0, d.score()).toMap()));
                            dw.write('\n');
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dyads;
    }

    /** Both ordered pairs of a sentence with two different actors, A's stance toward B drawn around a pair's mean. */
    private static List<SentenceRow.Dyad> dyads(List<SentenceRow.Mention> ms, Random rnd) {
        if (ms.size() < 2 || ms.get(0).actor().equals(ms.get(1).actor())) {
            return List.of();
        }
        List<SentenceRow.Dyad> out = new ArrayList<>(2);
        for (int i = 0; i < 2; i++) {
            String a = ms.get(i).actor();
            String b = ms.get(1 - i).actor();
            double base = Math.sin(a.hashCode() * 0.013 + b.hashCode() * 0.007) * 0.6;
            double score = Decimals.round(Math.max(-1, Math.min(1, base + rnd.nextGaussian() * 0.4)));
            out.add(new SentenceRow.Dyad(a, b, ScoreStance.of(score), score));
        }
        return out;
    }

    /** Generates the rows in {@code dir}, then times the report on them (generation not included). */
    public static Result run(Path dir, long rows, String level, boolean withDyads) throws IOException {
        Path in = dir.resolve("bench-" + level + "s.jsonl");
        Path dyadFile = dir.resolve("bench-dyads.jsonl");
        Path out = dir.resolve("bench-report.html");
        generate(in, withDyads ? dyadFile : null, rows, level, 42);
        List<Path> inputs = withDyads && !level.equals("sentence") ? List.of(in, dyadFile) : List.of(in);
        long bytes = 0;
        for (Path p : inputs) {
            bytes += Files.size(p);
        }
        ActorDictionary dictionary = ActorDictionary.loadDefault();
        long t0 = System.nanoTime();
        ReportData data = Report.build(inputs, "newsstance report benchmark", dictionary);
        Report.Written w = Report.write(data, out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(data.totals().mentions(), data.dyads().totals().dyads(), data.dyads().totals().pairs(), level,
                bytes, seconds, w.bytes(), data.totals().actors(), data.totals().sources(), data.days().size());
    }

    /** A score's stance label, as the model's argmax would roughly give it (for synthetic rows only). */
    private static final class ScoreStance {
        static String of(double score) {
            return score < -0.33 ? "negative" : score > 0.33 ? "positive" : "neutral";
        }
    }
}
