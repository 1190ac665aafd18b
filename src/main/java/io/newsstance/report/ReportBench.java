package io.newsstance.report;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.io.Decimals;
import io.newsstance.io.Json;
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
 * real format (its own row records, as JSON Lines), then times {@link Report#build} and {@link Report#write} on
 * them. A benchmark, not a timed test: the figure depends on the machine.
 */
public final class ReportBench {

    /** What one run measured. */
    public record Result(long rows, String level, long inputBytes, double seconds, long reportBytes, int actors,
                         int sources, int days) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private static final String[] ACTORS = {"USA", "RUSSIA", "CHINA", "DPRK", "SOUTH_KOREA", "JAPAN", "UKRAINE", "IRAN",
        "ISRAEL", "EU", "NATO", "UN", "INDIA", "TURKEY", "UK", "FRANCE", "GERMANY", "BRAZIL", "SAUDI_ARABIA", "SYRIA",
        "VENEZUELA", "CUBA", "IAEA", "WHO", "IMF", "HAMAS", "PALESTINE", "TAIWAN", "PAKISTAN", "AFGHANISTAN"};
    private static final String[] SOURCES = {"Wire A", "Wire B", "Daily Globe", "Evening Post", "The Ledger",
        "Capital Times", "World Desk", "Morning Star", "Harbor News", "Metro Daily", "The Courier", "Radio One"};

    private ReportBench() {
    }

    /** Writes {@code rows} mentions at {@code level} (mention or sentence) to {@code file}; seeded, so repeatable. */
    public static void generate(Path file, long rows, String level, long seed) {
        Random rnd = new Random(seed);
        LocalDate first = LocalDate.of(2025, 1, 1);
        boolean sentences = level.equals("sentence");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
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
                    SentenceRow row = new SentenceRow(id, date, SOURCES[src], s, offset, offset + text.length(),
                            text.toString(), "neutral", 0.2, 0.6, 0.2, ms, List.of());
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
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates the rows in {@code dir}, then times the report on them (generation not included). */
    public static Result run(Path dir, long rows, String level) throws IOException {
        Path in = dir.resolve("bench-" + level + "s.jsonl");
        Path out = dir.resolve("bench-report.html");
        generate(in, rows, level, 42);
        ActorDictionary dictionary = ActorDictionary.loadDefault();
        long t0 = System.nanoTime();
        ReportData data = Report.build(List.of(in), "newsstance report benchmark", dictionary);
        Report.Written w = Report.write(data, out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(data.totals().mentions(), level, Files.size(in), seconds, w.bytes(), data.totals().actors(),
                data.totals().sources(), data.days().size());
    }

    /** A score's stance label, as the model's argmax would roughly give it (for synthetic rows only). */
    private static final class ScoreStance {
        static String of(double score) {
            return score < -0.33 ? "negative" : score > 0.33 ? "positive" : "neutral";
        }
    }
}
