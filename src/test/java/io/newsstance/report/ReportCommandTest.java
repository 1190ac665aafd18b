package io.newsstance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Decimals;
import io.newsstance.output.ArticleRow;
import io.newsstance.output.DyadRow;
import io.newsstance.output.SentenceRow;
import io.newsstance.output.ResultRows;
import io.newsstance.robustness.Cli;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.newsstance.report.ScoreRowsFixture.article;
import static io.newsstance.report.ScoreRowsFixture.dyadRows;
import static io.newsstance.report.ScoreRowsFixture.withDyads;
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
        assertEquals(0, d.get("dyads").get("totals").get("dyads").asInt(), "rows with no dyads: none invented");
        assertEquals(0, d.get("dyads").get("pairs").size());
        assertTrue(r.stderr().contains(", 0 dyads of 0 ordered pairs;"), r.stderr());
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
        JsonNode d = data(dir.resolve("bench-report.html"));
        assertEquals(3000, d.get("totals").get("mentions").asInt());
        long dyadRows = Files.readAllLines(dir.resolve("bench-dyads.jsonl")).size();
        assertTrue(dyadRows > 100, "dyads of the sentences with two actors: " + dyadRows);
        assertEquals(dyadRows, d.get("dyads").get("totals").get("dyads").asLong(), "every dyad row counted");
        JsonNode v = d.get("dyads");
        assertEquals(v.get("totals").get("pairs").asInt(), v.get("pairs").size() + v.get("pairs_left_out").asInt(),
                "every pair embedded or counted as left out");
        assertTrue(v.get("pairs").size() <= ReportDyads.PAIRS_KEPT);
        assertFalse(v.get("pairs").get(0).get("daily").isNull(), "daily points of the most frequent pairs");
        if (v.get("pairs").size() > ReportDyads.DAILY_PAIRS) {
            assertTrue(v.get("pairs").get(ReportDyads.DAILY_PAIRS).get("daily").isNull(), "weekly only beyond them");
        }
        assertTrue(r.out().contains("and " + String.format(java.util.Locale.ROOT, "%,d", dyadRows) + " dyads"), r.out());
    }

    // ---- dyads ----------------------------------------------------------------------------------------------------

    /**
     * Dyads, as sentence rows: Monday 2025-03-03: a1 (S1) RUSSIA→UKRAINE −0.8 (sentence 0) and −0.6 (sentence 1,
     * which starts at 24), a2 (S1) −0.4 (sentence 2, at 120), a3 (S2, a timestamp) +0.2; Tuesday: a4 (S2) USA→UKRAINE
     * +0.5 and UKRAINE→USA +0.4 in one sentence; a5 (S2, no date) RUSSIA→UKRAINE −1.0. Seven dyads of three pairs.
     */
    static List<SentenceRow> knownDyads() {
        return List.of(
                withDyads(sentence("a1", "2025-03-03", "S1", 0, 0, "Moscow threatened Kyiv.", "RUSSIA", "Moscow", -0.8,
                        "UKRAINE", "Kyiv", -0.3), "RUSSIA>UKRAINE", -0.8),
                withDyads(sentence("a1", "2025-03-03", "S1", 1, 24, "Russia shelled Ukraine again.", "RUSSIA", "Russia",
                        -0.6, "UKRAINE", "Ukraine", -0.5), "RUSSIA>UKRAINE", -0.6),
                withDyads(sentence("a2", "2025-03-03", "S1", 2, 120, "Russia stalled the talks with Ukraine.", "RUSSIA",
                        "Russia", -0.4, "UKRAINE", "Ukraine", 0.0), "RUSSIA>UKRAINE", -0.4),
                withDyads(sentence("a3", "2025-03-03T09:30:00Z", "S2", 0, 0, "Russia offered Ukraine aid.", "RUSSIA",
                        "Russia", 0.2, "UKRAINE", "Ukraine", 0.1), "RUSSIA>UKRAINE", 0.2),
                withDyads(sentence("a4", "2025-03-04", "S2", 1, 40, "Washington praised Kyiv, and Kyiv thanked it.",
                        "USA", "Washington", 0.5, "UKRAINE", "Kyiv", 0.4), "USA>UKRAINE", 0.5, "UKRAINE>USA", 0.4),
                withDyads(sentence("a5", "", "S2", 0, 0, "The Kremlin lied about Ukraine.", "RUSSIA", "Kremlin", -1.0,
                        "UKRAINE", "Ukraine", -0.2), "RUSSIA>UKRAINE", -1.0));
    }

    static List<DyadRow> knownDyadRows() {
        return knownDyads().stream().flatMap(s -> dyadRows(s).stream()).toList();
    }

    private static JsonNode pair(JsonNode view, String source, String target) {
        return StreamSupport.stream(view.get("pairs").spliterator(), false)
                .filter(p -> p.get("source").asText().equals(source) && p.get("target").asText().equals(target))
                .findFirst().orElseThrow(() -> new AssertionError("no pair " + source + ">" + target));
    }

    /** The figures of {@link #knownDyads}, worked out by hand, whichever input carried them. */
    static void assertKnownDyadFigures(JsonNode v, String input) {
        assertEquals(7, v.get("totals").get("dyads").asInt(), input);
        assertEquals(3, v.get("totals").get("pairs").asInt(), input);
        assertEquals(5, v.get("totals").get("articles").asInt(), input);
        assertEquals(1, v.get("totals").get("undated_dyads").asInt(), input);
        assertEquals("2025-03-03", v.get("totals").get("first_date").asText(), input);
        assertEquals("2025-03-04", v.get("totals").get("last_date").asText(), input);
        assertEquals("RUSSIA", v.get("pairs").get(0).get("source").asText(), input + ": most sentences first");
        assertEquals("UKRAINE", v.get("pairs").get(1).get("source").asText(), input + ": ties by source");

        JsonNode ru = pair(v, "RUSSIA", "UKRAINE").get("stat");
        assertEquals(5, ru.get("mentions").asInt(), input + ": sentences with the pair");
        assertEquals(4, ru.get("articles").asInt(), input);
        assertEquals(List.of(4, 1, 0), List.of(ru.get("negative").asInt(), ru.get("neutral").asInt(),
                ru.get("positive").asInt()), input);
        assertEquals(-0.52, ru.get("mean").asDouble(), 1e-9, input);
        // By hand: S = (−1.4, −0.4, +0.2, −1.0), n = (2, 1, 1, 1), N = 5; residuals S − n·mean =
        // (−0.36, +0.12, +0.72, −0.48), squares 0.8928.
        double se = Math.sqrt(4 / 3.0 * 0.8928) / 5;
        double t = new TDistribution(3).inverseCumulativeProbability(0.975);
        assertEquals(Math.max(-1, -0.52 - t * se), ru.get("ci_low").asDouble(), 1e-4, input);
        assertEquals(-0.52 + t * se, ru.get("ci_high").asDouble(), 1e-4, input);

        JsonNode monday = pair(v, "RUSSIA", "UKRAINE").get("daily").get(0);
        assertEquals("2025-03-03", monday.get("date").asText(), input);
        assertEquals(4, monday.get("stat").get("mentions").asInt(), input);
        assertEquals(3, monday.get("stat").get("articles").asInt(), input);
        assertEquals(-0.4, monday.get("stat").get("mean").asDouble(), 1e-9, input);
        double se2 = Math.sqrt(3 / 2.0 * (0.36 + 0 + 0.36)) / 4;
        double t2 = new TDistribution(2).inverseCumulativeProbability(0.975);
        assertEquals(-0.4 + t2 * se2, monday.get("stat").get("ci_high").asDouble(), 1e-4, input);
        assertEquals(1, pair(v, "RUSSIA", "UKRAINE").get("daily").size(), input + ": the undated one on no day");

        JsonNode usa = pair(v, "USA", "UKRAINE").get("stat");
        assertEquals(0.5, usa.get("mean").asDouble(), 1e-9, input);
        assertEquals(1, usa.get("positive").asInt(), input);
        assertTrue(usa.get("ci_low").isNull(), input + ": one article, no interval");
        assertEquals(0.4, pair(v, "UKRAINE", "USA").get("stat").get("mean").asDouble(), 1e-9, input);

        assertEquals("[\"UKRAINE\",\"RUSSIA\",\"USA\"]", StreamSupport.stream(v.get("actors").spliterator(), false)
                .map(a -> "\"" + a.get("actor").asText() + "\"").collect(Collectors.joining(",", "[", "]")), input);
        assertEquals(7, v.get("actors").get(0).get("dyads").asInt(), input + ": Ukraine is in all seven");
        // cells of RUSSIA→UKRAINE (pair 0): undated a5, then Monday (a1, a2, a3)
        assertEquals("[0,-1,1,1,-1.0,1,0,0]", v.get("cells").get(0).toString(), input);
        assertEquals("[0,0,4,3,-1.6,3,1,0]", v.get("cells").get(1).toString(), input);
    }

    /** Asserts that {@code e}'s sentence marks {@code source} and {@code target} at the evidence's offsets. */
    private static void assertMarked(JsonNode e, String source, String target) {
        String text = e.get("sentence").asText();
        assertEquals(source, text.substring(e.get("source_start").asInt(), e.get("source_end").asInt()), e.toString());
        assertEquals(target, text.substring(e.get("target_start").asInt(), e.get("target_end").asInt()), e.toString());
    }

    @Test
    void dyadRowsGiveEachPairsFiguresWorkedOutByHand(@TempDir Path dir) throws Exception {
        Path dyads = jsonl(dir.resolve("d.jsonl"), knownDyadRows());
        Path out = dir.resolve("r.html");
        Cli.Result r = report(out, dyads);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode d = data(out);
        assertEquals(7, d.get("inputs").get(0).get("records").asInt(), "every dyad row read");
        assertEquals("dyad", d.get("inputs").get(0).get("level").asText().toLowerCase());
        assertEquals(7, d.get("totals").get("records").asInt());
        assertEquals(0, d.get("totals").get("mentions").asInt(), "dyad rows are no mentions");
        assertKnownDyadFigures(d.get("dyads"), "dyad rows");
        assertTrue(r.stderr().contains("7 dyads of 3 ordered pairs"), r.stderr());
        JsonNode neg = pair(d.get("dyads"), "RUSSIA", "UKRAINE").get("negative");
        assertEquals(-1.0, neg.get(0).get("score").asDouble());
        assertTrue(neg.get(0).get("sentence").isNull(), "a dyad row does not carry the sentence");
        assertEquals("Kremlin", neg.get(0).get("source_text").asText());
        assertEquals("Ukraine", neg.get(0).get("target_text").asText());
        assertEquals(List.of("a5", "a1", "a1", "a2"), StreamSupport.stream(neg.spliterator(), false).limit(4)
                .map(e -> e.get("article_id").asText()).toList(), "most negative first");
        assertEquals("a3", pair(d.get("dyads"), "RUSSIA", "UKRAINE").get("positive").get(0).get("article_id").asText());
    }

    @Test
    void sentenceRowsCarryTheSameDyadsAndWithDyadRowsCountEachOnce(@TempDir Path dir) throws Exception {
        Path sentences = jsonl(dir.resolve("s.jsonl"), knownDyads());
        Path dyads = jsonl(dir.resolve("d.jsonl"), knownDyadRows());
        Path onlySentences = dir.resolve("s.html");
        assertEquals(0, report(onlySentences, sentences).exit());
        assertKnownDyadFigures(data(onlySentences).get("dyads"), "sentence rows");
        JsonNode a2 = find(pair(data(onlySentences).get("dyads"), "RUSSIA", "UKRAINE").get("negative"), "article_id",
                "a2");
        assertMarked(a2, "Russia", "Ukraine");   // the sentence starts at 120: offsets shifted into it

        Path both = dir.resolve("both.html");
        Cli.Result r = report(both, dyads, sentences);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode d = data(both);
        assertEquals(13, d.get("totals").get("records").asInt(), "7 dyad rows and 6 sentence rows");
        assertKnownDyadFigures(d.get("dyads"), "dyad and sentence rows of one run");
        JsonNode neg = pair(d.get("dyads"), "RUSSIA", "UKRAINE").get("negative");
        assertEquals(5, neg.size(), "one piece of evidence per sentence (five), not one per row (ten)");
        assertEquals("The Kremlin lied about Ukraine.", neg.get(0).get("sentence").asText(), "the text wins");
        assertMarked(neg.get(0), "Kremlin", "Ukraine");
        assertEquals(12, d.get("totals").get("mentions").asInt(), "the sentences' mentions are read as before");
    }

    /** Rows as score --format csv writes them (nested mentions and dyads joined as ScoreCsv does). */
    private static Path csv(Path file, List<String> fields, List<Map<String, Object>> rows) throws Exception {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, CSVFormat.RFC4180)) {
            p.printRecord(fields);
            for (Map<String, Object> row : rows) {
                p.printRecord(fields.stream().map(f -> {
                    Object v = row.get(f);
                    if (v instanceof List<?> list) {
                        return list.stream().map(o -> {
                            Map<?, ?> m = (Map<?, ?>) o;
                            return (m.containsKey("actor") ? m.get("actor") : m.get("source_actor") + ">"
                                    + m.get("target_actor")) + ":" + m.get("stance") + ":" + Decimals.cell(m.get("score"));
                        }).collect(Collectors.joining("|"));
                    }
                    return Decimals.cell(v);
                }).toList());
            }
        }
        return Files.writeString(file, b.toString().replace("\r\n", "\n"));
    }

    @Test
    void csvDyadRowsAndCsvSentenceRowsReadAsTheJsonOnes(@TempDir Path dir) throws Exception {
        Path dyads = csv(dir.resolve("d.csv"), ResultRows.DYAD_FIELDS,
                knownDyadRows().stream().map(DyadRow::toMap).toList());
        Path sentences = csv(dir.resolve("s.csv"), ResultRows.SENTENCE_FIELDS,
                knownDyads().stream().map(SentenceRow::toMap).toList());
        for (Path in : List.of(dyads, sentences)) {
            Path out = dir.resolve(in.getFileName() + ".html");
            Cli.Result r = report(out, in);
            assertEquals(0, r.exit(), r.stderr());
            assertEquals("csv", data(out).get("inputs").get(0).get("format").asText());
            assertKnownDyadFigures(data(out).get("dyads"), in.toString());
        }
        assertEquals(-1, find(pair(data(dir.resolve("s.csv.html")).get("dyads"), "RUSSIA", "UKRAINE").get("negative"),
                "article_id", "a2").get("source_start").asInt(), "CSV sentence rows give no offsets");
        Path both = dir.resolve("both.html");
        assertEquals(0, report(both, sentences, dyads).exit());
        assertKnownDyadFigures(data(both).get("dyads"), "both CSV files");
        assertMarked(find(pair(data(both).get("dyads"), "RUSSIA", "UKRAINE").get("negative"), "article_id", "a2"),
                "Russia", "Ukraine");   // text from the sentence file, offsets from the dyad file
    }

    @Test
    void sparkDyadsPartFilesAreReadAndDyadDailyIsNot(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job");
        for (String sub : List.of("sentences", "dyads", "dyad_daily", "articles")) {
            Files.createDirectories(job.resolve(sub));
        }
        List<DyadRow> rows = knownDyadRows();
        jsonl(job.resolve("dyads/part-00000-x.json"), rows.subList(0, 3));
        jsonl(job.resolve("dyads/part-00001-x.json"), rows.subList(3, 7));
        Files.writeString(job.resolve("dyads/part-00002-x.json"), "");
        Files.writeString(job.resolve("dyads/_SUCCESS"), "");
        Files.writeString(job.resolve("dyad_daily/part-00000-x.json"), "{\"date\":\"2025-03-03\",\"source\":\"S1\","
                + "\"source_actor\":\"RUSSIA\",\"target_actor\":\"UKRAINE\",\"mentions\":3}\n");
        jsonl(job.resolve("articles/part-00000-x.json"), List.of(article("a2", "2025-03-03", "S1",
                "https://example.com/a2", List.of())));
        Path dyadsOnly = dir.resolve("dyads-only.html");
        Cli.Result r = report(dyadsOnly, job);
        assertEquals(0, r.exit(), r.stderr());
        assertKnownDyadFigures(data(dyadsOnly).get("dyads"), "a job's dyads/");
        assertEquals(3, data(dyadsOnly).get("inputs").size(), "two dyad part files and the articles");

        jsonl(job.resolve("sentences/part-00000-x.json"), knownDyads());
        Path out = dir.resolve("r.html");
        r = report(out, job);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode v = data(out).get("dyads");
        assertKnownDyadFigures(v, "a job's sentences/ and dyads/");
        JsonNode a2 = find(pair(v, "RUSSIA", "UKRAINE").get("negative"), "article_id", "a2");
        assertEquals("https://example.com/a2", a2.get("url").asText(), "the URL comes from articles/");
        assertMarked(a2, "Russia", "Ukraine");
    }

    /** The article rows of {@link #knownDyads}: each article's dyad table, as score --level article writes it. */
    static List<ArticleRow> knownDyadArticles() {
        return List.of(
                article("a1", "2025-03-03", "S1", "https://example.com/a1", List.of(), List.of(new ArticleRow.Dyad(
                        "RUSSIA", "Russia", "UKRAINE", "Ukraine", 2, 1, 2, 0, 0, -0.7, null, null, 0,
                        "Moscow threatened Kyiv.", -0.8, 1, "Russia shelled Ukraine again.", -0.6))),
                article("a2", "2025-03-03", "S1", "", List.of(), List.of(new ArticleRow.Dyad("RUSSIA", "Russia",
                        "UKRAINE", "Ukraine", 1, 1, 1, 0, 0, -0.4, null, null, 2, "Russia stalled the talks with Ukraine.",
                        -0.4, 2, "Russia stalled the talks with Ukraine.", -0.4))),
                article("a3", "2025-03-03T09:30:00Z", "S2", "", List.of(), List.of(new ArticleRow.Dyad("RUSSIA",
                        "Russia", "UKRAINE", "Ukraine", 1, 1, 0, 1, 0, 0.2, null, null, 0, "Russia offered Ukraine aid.",
                        0.2, 0, "Russia offered Ukraine aid.", 0.2))),
                article("a4", "2025-03-04", "S2", "", List.of(), List.of(
                        new ArticleRow.Dyad("USA", "United States", "UKRAINE", "Ukraine", 1, 1, 0, 0, 1, 0.5, null,
                                null, 1, "Washington praised Kyiv, and Kyiv thanked it.", 0.5, 1,
                                "Washington praised Kyiv, and Kyiv thanked it.", 0.5),
                        new ArticleRow.Dyad("UKRAINE", "Ukraine", "USA", "United States", 1, 1, 0, 0, 1, 0.4, null,
                                null, 1, "Washington praised Kyiv, and Kyiv thanked it.", 0.4, 1,
                                "Washington praised Kyiv, and Kyiv thanked it.", 0.4))),
                article("a5", "", "S2", "", List.of(), List.of(new ArticleRow.Dyad("RUSSIA", "Russia", "UKRAINE",
                        "Ukraine", 1, 1, 1, 0, 0, -1.0, null, null, 0, "The Kremlin lied about Ukraine.", -1.0, 0,
                        "The Kremlin lied about Ukraine.", -1.0))));
    }

    @Test
    void articleRowsDyadTablesGiveTheSameFiguresAndYieldToDyadRows(@TempDir Path dir) throws Exception {
        Path articles = jsonl(dir.resolve("a.jsonl"), knownDyadArticles());
        Path onlyArticles = dir.resolve("a.html");
        assertEquals(0, report(onlyArticles, articles).exit());
        JsonNode v = data(onlyArticles).get("dyads");
        assertKnownDyadFigures(v, "article rows");
        assertEquals(5, v.get("totals").get("articles_from_summaries").asInt());
        assertEquals("United States", pair(v, "USA", "UKRAINE").get("source_name").asText(), "the row's name");
        JsonNode neg = pair(v, "RUSSIA", "UKRAINE").get("negative");
        assertEquals("The Kremlin lied about Ukraine.", neg.get(0).get("sentence").asText());
        assertEquals("https://example.com/a1", find(neg, "article_id", "a1").get("url").asText());
        assertEquals(-1, neg.get(0).get("source_start").asInt(), "an article's table gives no offsets");

        Path both = dir.resolve("both.html");
        assertEquals(0, report(both, articles, jsonl(dir.resolve("d.jsonl"), knownDyadRows())).exit());
        assertKnownDyadFigures(data(both).get("dyads"), "article and dyad rows of one run");
        assertEquals(0, data(both).get("dyads").get("totals").get("articles_from_summaries").asInt());
    }

    @Test
    void articleCsvIsReadAndHasNoDyads(@TempDir Path dir) throws Exception {
        List<String> fields = new ArrayList<>(ResultRows.ARTICLE_FIELDS);
        fields.removeAll(List.of("actors", "dyads"));   // score's article CSV: a row per actor, no dyad table
        fields.addAll(ResultRows.ACTOR_FIELDS);
        Map<String, Object> row = new java.util.HashMap<>(knownDyadArticles().get(0).toMap());
        row.putAll(new ArticleRow.Actor("RUSSIA", "Russia", 2, 1, 2, 0, 0, -0.7, null, null).toMap());
        Path file = csv(dir.resolve("a.csv"), fields, List.of(row));
        Path out = dir.resolve("r.html");
        Cli.Result r = report(out, file);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode d = data(out);
        assertEquals("article", d.get("inputs").get(0).get("level").asText().toLowerCase());
        assertEquals(2, d.get("totals").get("mentions").asInt());
        assertEquals(0, d.get("dyads").get("totals").get("dyads").asInt(), "the article CSV carries no dyads");
    }

    @Test
    void badDyadRowsAreReportedWithFileAndLineAndNoReportIsWritten(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl(dir.resolve("ok.jsonl"), knownDyadRows())));
        lines.set(1, lines.get(1).replace("\"stance\":\"negative\"", "\"stance\":\"hostile\""));
        lines.set(2, lines.get(2).replace("\"score\":-0.4", "\"score\":-1.5"));
        lines.set(3, lines.get(3).replace("\"target_actor\":\"UKRAINE\"", "\"target_actor\":\"RUSSIA\""));
        lines.set(4, lines.get(4).replace("\"source_end\":", "\"source_end\":-").replace(":-\"", ":\""));
        lines.set(5, lines.get(5).replace("\"target_actor\":\"USA\"", "\"target_actor\":\"\""));
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        Path badCsv = csv(dir.resolve("s.csv"), ResultRows.SENTENCE_FIELDS,
                knownDyads().stream().map(SentenceRow::toMap).toList());
        Files.writeString(badCsv, Files.readString(badCsv).replace("RUSSIA>UKRAINE:negative:-0.8", "RUSSIA-UKRAINE:negative:-0.8"));
        Path out = dir.resolve("r.html");
        Cli.Result r = report(out, bad, badCsv);
        assertEquals(1, r.exit(), r.stderr());
        assertEquals(List.of(
                "newsstance: " + bad + ":2: dyad stance 'hostile' is not negative, neutral or positive",
                "newsstance: " + bad + ":3: dyad score -1.5 is outside [-1, 1]",
                "newsstance: " + bad + ":4: dyad RUSSIA>RUSSIA pairs an actor with itself",
                "newsstance: " + bad + ":5: dyad offsets are not spans (source 40--50, target 59-63)",
                "newsstance: " + bad + ":6: a dyad needs a source and a target actor",
                "newsstance: " + badCsv + ":2: dyad 'RUSSIA-UKRAINE:negative:-0.8' is not SOURCE>TARGET:stance:score"),
                r.problems());
        assertFalse(Files.exists(out), "no report from bad input");
    }
}
