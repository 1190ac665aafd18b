package io.newsstance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.output.ArticleRow;
import io.newsstance.output.SentenceRow;
import io.newsstance.output.ResultRows;
import io.newsstance.robustness.Cli;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.newsstance.report.ScoreRowsFixture.article;
import static io.newsstance.report.ScoreRowsFixture.data;
import static io.newsstance.report.ScoreRowsFixture.jsonl;
import static io.newsstance.report.ScoreRowsFixture.mentions;
import static io.newsstance.report.ScoreRowsFixture.sentence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code newsstance report} on small files in score's real format, with every figure worked out by hand. */
class ReportCommandTest {

    /**
     * Monday 2025-03-03: a1 (S1) Russia −0.8 and −0.6, a2 (S1) Russia −0.4, a3 (S2) Russia +0.2; Tuesday: a4 (S2)
     * USA +0.5; a5 (S2) has no date: Russia −1.0.
     */
    static List<SentenceRow> known() {
        return List.of(
                sentence("a1", "2025-03-03", "S1", 0, 0, "Moscow threatened Kyiv, and Russia shelled it.",
                        "RUSSIA", "Moscow", -0.8, "RUSSIA", "Russia", -0.6),
                sentence("a2", "2025-03-03", "S1", 2, 120, "Russia stalled the talks.", "RUSSIA", "Russia", -0.4),
                sentence("a3", "2025-03-03T09:30:00Z", "S2", 0, 0, "Russia offered aid.", "RUSSIA", "Russia", 0.2),
                sentence("a4", "2025-03-04", "S2", 1, 40, "Washington praised the deal.", "USA", "Washington", 0.5),
                sentence("a5", "", "S2", 0, 0, "The Kremlin lied.", "RUSSIA", "Kremlin", -1.0));
    }

    private static Cli.Result report(Path out, Path... inputs) {
        List<String> args = new ArrayList<>(List.of("report", "--out", out.toString()));
        for (Path p : inputs) {
            args.add(p.toString());
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        r.assertNoCrash();
        return r;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.get(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + list));
    }

    @Test
    void dailyMeansCountsAndIntervalsAreThoseOfTheKnownFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.html");
        Cli.Result r = report(out, jsonl(dir.resolve("s.jsonl"), known()));
        assertEquals(0, r.exit(), r.stderr());
        JsonNode d = data(out);

        JsonNode monday = d.get("daily").get("RUSSIA").get(0);
        assertEquals("2025-03-03", monday.get("date").asText(), "a timestamp's day counts as its date");
        JsonNode s = monday.get("stat");
        assertEquals(4, s.get("mentions").asInt());
        assertEquals(3, s.get("articles").asInt());
        assertEquals(-0.4, s.get("mean").asDouble(), 1e-9);
        // By hand: S = (−1.4, −0.4, +0.2), n = (2, 1, 1), N = 4; residuals S − n·mean = (−0.6, 0, +0.6).
        double se = Math.sqrt(3 / 2.0 * (0.36 + 0 + 0.36)) / 4;
        double t = new TDistribution(2).inverseCumulativeProbability(0.975);
        assertEquals(-1.0, s.get("ci_low").asDouble(), 1e-9, "clipped at −1");
        assertEquals(-0.4 + t * se, s.get("ci_high").asDouble(), 1e-4);
        assertEquals(1, d.get("daily").get("RUSSIA").size(), "Russia on one dated day only");

        JsonNode usa = d.get("daily").get("USA").get(0);
        assertEquals("2025-03-04", usa.get("date").asText());
        assertTrue(usa.get("stat").get("ci_low").isNull(), "one article: no interval");
        assertEquals("2025-03-03", d.get("weekly").get("USA").get(0).get("date").asText(), "weeks start on Monday");

        JsonNode russia = find(d.get("actors"), "actor", "RUSSIA").get("stat");
        assertEquals(5, russia.get("mentions").asInt(), "the undated mention is in the actor table");
        assertEquals(4, russia.get("articles").asInt());
        assertEquals(-0.52, russia.get("mean").asDouble(), 1e-9);
        assertEquals("Russia", find(d.get("actors"), "actor", "RUSSIA").get("name").asText(), "dictionary name");
        assertEquals(1, d.get("totals").get("undated_mentions").asInt());
        assertEquals(1, d.get("totals").get("undated_articles").asInt());
        assertTrue(r.stderr().contains("6 mentions of 2 actors in 5 articles (1 mentions without a date)"), r.stderr());

        List<JsonNode> russiaBySource = StreamSupport.stream(d.get("actor_source").spliterator(), false)
                .filter(n -> n.get("actor").asText().equals("RUSSIA")).toList();
        assertEquals(2, russiaBySource.size());
        assertEquals(-0.6, russiaBySource.get(0).get("stat").get("mean").asDouble(), 1e-9, "S1: −0.8 −0.6 −0.4");
        assertEquals(-0.4, russiaBySource.get(1).get("stat").get("mean").asDouble(), 1e-9, "S2: +0.2 and undated −1.0");

        JsonNode neg = d.get("evidence").get("RUSSIA").get("negative");
        assertEquals(-1.0, neg.get(0).get("score").asDouble());
        JsonNode moscow = neg.get(1);
        assertEquals(-0.8, moscow.get("score").asDouble());
        String sentence = moscow.get("sentence").asText();
        assertEquals("Moscow", sentence.substring(moscow.get("highlight_start").asInt(),
                moscow.get("highlight_end").asInt()));
        JsonNode stalled = find(neg, "article_id", "a2");
        assertEquals("Russia", stalled.get("sentence").asText().substring(stalled.get("highlight_start").asInt(),
                stalled.get("highlight_end").asInt()), "offsets are the article's: the sentence starts at 120");
        assertTrue(d.get("dyads").isNull(), "no dyads yet, none invented");
    }

    @Test
    void theThreeLevelsOfOneRunCountEachMentionOnceAndAgree(@TempDir Path dir) throws Exception {
        List<SentenceRow> rows = known();
        Path sentences = jsonl(dir.resolve("s.jsonl"), rows);
        Path mentionFile = jsonl(dir.resolve("m.jsonl"), rows.stream().flatMap(s -> mentions(s).stream()).toList());
        Path articles = jsonl(dir.resolve("a.jsonl"), List.of(
                article("a1", "2025-03-03", "S1", "https://example.com/a1",
                        List.of(new ArticleRow.Actor("RUSSIA", "Russia", 2, 1, 2, 0, 0, -0.7, null, null))),
                article("a2", "2025-03-03", "S1", "", List.of(new ArticleRow.Actor("RUSSIA", "Russia", 1, 1, 1, 0, 0, -0.4, null, null))),
                article("a3", "2025-03-03", "S2", "", List.of(new ArticleRow.Actor("RUSSIA", "Russia", 1, 1, 0, 1, 0, 0.2, null, null))),
                article("a4", "2025-03-04", "S2", "", List.of(new ArticleRow.Actor("USA", "United States", 1, 1, 0, 0, 1, 0.5, null, null))),
                article("a5", "", "S2", "", List.of(new ArticleRow.Actor("RUSSIA", "Russia", 1, 1, 1, 0, 0, -1.0, null, null)))));
        Path all = dir.resolve("all.html");
        assertEquals(0, report(all, mentionFile, sentences, articles).exit());
        Path onlyArticles = dir.resolve("articles.html");
        assertEquals(0, report(onlyArticles, articles).exit());
        Path onlyMentions = dir.resolve("mentions.html");
        assertEquals(0, report(onlyMentions, mentionFile).exit());
        for (Path p : List.of(all, onlyArticles, onlyMentions)) {
            JsonNode d = data(p);
            assertEquals(6, d.get("totals").get("mentions").asInt(), p.toString());
            assertEquals(d.get("daily").toString(), data(all).get("daily").toString(), p + ": same daily figures");
        }
        JsonNode d = data(all);
        JsonNode a1 = find(d.get("evidence").get("RUSSIA").get("negative"), "article_id", "a1");
        assertEquals("https://example.com/a1", a1.get("url").asText(), "the URL comes from the article file");
        assertFalse(a1.get("sentence").isNull(), "the sentence file's evidence wins over the bare mention row");
        assertTrue(data(onlyMentions).get("evidence").get("USA").get("negative").get(0).get("sentence").isNull());
    }

    @Test
    void csvMentionRowsReadAsTheJsonOnes(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", ResultRows.MENTION_FIELDS)).append('\n');
        csv.append("a1,2025-03-03,S1,0,RUSSIA,0,6,Moscow,seat,negative,0.85,0.1,0.05,-0.8\n");
        csv.append("\"a,2\",2025-03-04,\"Daily \"\"Globe\"\"\",1,USA,4,14,Washington,seat,positive,0.1,0.3,0.6,0.5\n");
        Path file = Files.writeString(dir.resolve("m.csv"), csv);
        Path out = dir.resolve("r.html");
        assertEquals(0, report(out, file).exit());
        JsonNode d = data(out);
        assertEquals(2, d.get("totals").get("mentions").asInt());
        assertEquals("[\"Daily \\\"Globe\\\"\",\"S1\"]", d.get("sources").toString());
        assertEquals("csv", d.get("inputs").get(0).get("format").asText());
        assertEquals("mention", d.get("inputs").get(0).get("level").asText().toLowerCase());
    }

    @Test
    void badLinesAreReportedWithFileAndLineAndNoReportIsWritten(@TempDir Path dir) throws Exception {
        Path good = jsonl(dir.resolve("ok.jsonl"), known());
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.add(1, "{\"article_id\": \"x\", \"date\": ");
        lines.set(3, lines.get(3).replace("\"score\":0.2", "\"score\":\"high\""));
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        Path notScore = Files.writeString(dir.resolve("articles.csv"), "id,text\n1,hello\n");
        Path out = dir.resolve("r.html");
        Cli.Result r = report(out, bad, notScore, dir.resolve("missing.jsonl"));
        assertEquals(1, r.exit(), r.stderr());
        List<String> problems = r.problems();
        assertTrue(problems.get(0).startsWith("newsstance: " + bad + ":2: not valid JSON"), problems.toString());
        assertEquals("newsstance: " + bad + ":4: field 'score' is not a number (\"high\")", problems.get(1));
        assertTrue(problems.get(2).startsWith("newsstance: " + notScore + ":1: not score output"), problems.toString());
        assertEquals("newsstance: " + dir.resolve("missing.jsonl") + ": no such file or directory", problems.get(3));
        assertFalse(Files.exists(out), "no report from bad input");
    }

    @Test
    void sparkJsonOutputDirectoriesAreReadAndParquetIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job");
        Files.createDirectories(job.resolve("sentences"));
        Files.createDirectories(job.resolve("articles"));
        Files.createDirectories(job.resolve("mentions"));
        jsonl(job.resolve("sentences/part-00000-x.json"), known().subList(0, 2));
        jsonl(job.resolve("sentences/part-00001-x.json"), known().subList(2, 5));
        Files.writeString(job.resolve("sentences/part-00002-x.json"), "");     // an empty partition
        Files.writeString(job.resolve("sentences/_SUCCESS"), "");
        jsonl(job.resolve("mentions/part-00000-x.json"), mentions(known().get(0)));   // not read: the same mentions
        jsonl(job.resolve("articles/part-00000-x.json"), List.of(article("a2", "2025-03-03", "S1",
                "https://example.com/a2", List.of())));
        Path out = dir.resolve("r.html");
        Cli.Result r = report(out, job);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode d = data(out);
        assertEquals(6, d.get("totals").get("mentions").asInt());
        assertEquals("https://example.com/a2", find(d.get("evidence").get("RUSSIA").get("negative"), "article_id", "a2")
                .get("url").asText());

        Path parquet = dir.resolve("pq");
        Files.createDirectories(parquet.resolve("sentences"));
        Files.write(parquet.resolve("sentences/part-00000-x.snappy.parquet"), new byte[]{'P', 'A', 'R', '1'});
        Cli.Result p = report(dir.resolve("p.html"), parquet);
        assertEquals(1, p.exit());
        assertTrue(p.stderr().contains("--output-format jsonl"), p.stderr());
    }

    /** A sentence from the news that tries to end the data block and run script. */
    static final String HOSTILE = "Russia said </script><img src=x onerror=alert(1)> and <!-- \u2028 & </SCRIPT> \"quoted\"";

    @Test
    void hostileTextStaysDataInsideTheScriptBlock(@TempDir Path dir) throws Exception {
        Path in = jsonl(dir.resolve("s.jsonl"), List.of(sentence("a1", "2025-03-03", "<b>S1</b>", 0, 0, HOSTILE,
                "RUSSIA", "Russia", -0.9)));
        Path out = dir.resolve("r.html");
        assertEquals(0, report(out, in).exit());
        String html = Files.readString(out);
        assertFalse(html.contains("<img"), "the sentence's tag is not markup");
        assertFalse(html.contains("<b>S1"), "nor is the source's");
        assertFalse(html.contains("<!-- "), "nor a comment opener");
        assertEquals(3, html.split("</script>", -1).length - 1, "only the page's own three script elements end");
        assertEquals(0, html.split("(?i)</script", -1).length - 1 - 3, "no other </script in any case");
        JsonNode d = data(out);
        assertEquals(HOSTILE, d.get("evidence").get("RUSSIA").get("negative").get(0).get("sentence").asText(),
                "the text comes back unchanged when parsed");
        assertEquals("<b>S1</b>", d.get("sources").get(0).asText());
    }

    @Test
    void benchReportGeneratesTheRowsItSaysAndPrintsItsFigures(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("bench", "report", "--rows", "3000", "--dir", dir.toString());
        r.assertNoCrash();
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.out().matches("(?s)report from 3,000 mentions in mention rows .* s, [\\d,]+ rows/s, report "
                + "[\\d.]+ MB\\s*"), r.out());
        assertEquals(3000, Files.readAllLines(dir.resolve("bench-mentions.jsonl")).size(), "one line per mention");
        assertEquals(3000, data(dir.resolve("bench-report.html")).get("totals").get("mentions").asInt());
    }
}
