package io.newsstance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.StanceClassifier;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.DyadResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.SentenceResult;
import io.newsstance.io.Json;
import io.newsstance.output.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dyads with the shipped default model: the Java API, {@code score --level dyad}, the tables and {@code eval --dyads}. */
class DyadScoringTest {

    static final String BACKING = "Russia is quietly boosting economic support for North Korea to stymie any U.S.-led "
            + "push to oust Kim Jong Un, officials said. Seoul condemned Pyongyang's latest missile launch.";
    static StanceClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = StanceClassifier.loadDefault();
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    private static String[] run(String... args) {
        return ScoreCommandTest.run(args);
    }

    private static DyadResult dyad(ArticleResult r, String a, String b) {
        return r.sentences().stream().flatMap(s -> s.dyads().stream())
                .filter(d -> d.source().equals(a) && d.target().equals(b)).findFirst().orElseThrow();
    }

    @Test
    void theShippedModelSaysWhoBacksAndWhoOpposesWhom() {
        assertTrue(classifier.model().hasDyads(), "the default model has a dyad head");
        ArticleResult r = classifier.score(Article.of("a1", BACKING));
        assertEquals("positive", dyad(r, "RUSSIA", "DPRK").stance().label().label(), "Russia backs North Korea");
        assertEquals("negative", dyad(r, "SOUTH_KOREA", "DPRK").stance().label().label(), "Seoul condemns Pyongyang");
        assertEquals("neutral", dyad(r, "DPRK", "SOUTH_KOREA").stance().label().label(), "the reverse is not said");
        assertTrue(r.dyads().stream().anyMatch(d -> d.source().equals("RUSSIA") && d.target().equals("DPRK")));
    }

    @Test
    void everySentenceGivesEveryOrderedPairOfItsActorsWithOffsetsIntoTheArticle() throws Exception {
        List<String> feed = Files.readAllLines(Path.of("training-data", "articles", "sample-feed.jsonl"));
        int pairs = 0;
        for (String line : feed.subList(0, 12)) {
            JsonNode a = Json.MAPPER.readTree(line);
            String text = a.get("text").asText();
            ArticleResult r = classifier.score(Article.of(a.get("id").asText(), text));
            for (SentenceResult s : r.sentences()) {
                Set<String> actors = new HashSet<>();
                s.mentions().stream().map(MentionResult::actor).forEach(actors::add);
                assertEquals(actors.size() * (actors.size() - 1), s.dyads().size(), s.text());
                for (DyadResult d : s.dyads()) {
                    pairs++;
                    assertEquals(d.sourceText(), d.sourceSpan().of(text));
                    assertEquals(d.targetText(), d.targetSpan().of(text));
                    assertTrue(s.span().contains(d.sourceSpan()) && s.span().contains(d.targetSpan()));
                    assertTrue(!d.source().equals(d.target()));
                    assertEquals(d.stance().score(), d.stance().pPositive() - d.stance().pNegative(), 1e-9);
                }
            }
        }
        assertTrue(pairs > 20, "the sample articles have multi-actor sentences: " + pairs);
    }

    @Test
    void scoreWritesDyadRowsAndTablesAndEvalReadsDyadFiles(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("feed.jsonl");
        Files.writeString(feed, "{\"id\":\"b1\",\"date\":\"2026-11-30\",\"source\":\"wire\",\"text\":"
                + Json.MAPPER.writeValueAsString(BACKING) + "}\n");
        Path out = dir.resolve("dyads.jsonl");
        String[] r = run("score", "--level", "dyad", "--format", "jsonl", "--out", out.toString(), feed.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() >= 8, "two sentences, at least 3 and 2 actors: " + lines.size());
        for (String line : lines) {
            JsonNode d = Json.MAPPER.readTree(line);
            assertEquals(ResultRows.DYAD_FIELDS, iterable(d));
            assertEquals(d.get("source_text").asText(), BACKING.substring(d.get("source_start").asInt(),
                    d.get("source_end").asInt()));
        }
        Path csv = dir.resolve("dyads.csv");
        assertEquals("0", run("score", "--level", "dyad", "--format", "csv", "--out", csv.toString(), feed.toString())[0]);
        assertEquals(String.join(",", ResultRows.DYAD_FIELDS), Files.readAllLines(csv).get(0));
        assertEquals(lines.size() + 1, Files.readAllLines(csv).size());

        Path articles = dir.resolve("articles.jsonl");
        run("score", "--level", "article", "--format", "jsonl", "--out", articles.toString(), feed.toString());
        JsonNode article = Json.MAPPER.readTree(Files.readAllLines(articles).get(0));
        JsonNode first = article.get("dyads").get(0);
        for (String field : List.of("source_actor", "target_actor", "mentions", "negative", "neutral", "positive",
                "mean_score", "most_negative_text", "most_positive_text")) {
            assertTrue(first.has(field), field);
        }

        Path table = dir.resolve("table.txt");
        run("score", "--format", "table", "--out", table.toString(), feed.toString());
        String t = Files.readString(table);
        assertTrue(t.contains("dyads: how A treats B") && t.contains("RUSSIA -> DPRK"), t);

        Path dyadFile = dir.resolve("gold.csv");
        List<String> gold = Files.readAllLines(Path.of("training-data", "dyads-test.csv")).subList(0, 121);
        Files.write(dyadFile, gold);
        String[] e = run("eval", "--dyads", "--swap", "--model", "models/default.zip", "--data", dyadFile.toString(),
                "--json", "-");
        assertEquals("0", e[0], e[2]);
        JsonNode ev = Json.MAPPER.readTree(e[1]);
        assertEquals(120, ev.get("n").asInt());
        assertEquals("dyads", ev.get("task").asText());
        assertTrue(ev.get("macro_f1").asDouble() > 0.4, e[1]);
        JsonNode swap = ev.get("swap");
        assertTrue(swap.get("swaps").asInt() > 100, e[1]);
        assertTrue(swap.get("consistency").asDouble() > 0.5 && swap.get("consistency").asDouble() <= 1, e[1]);
    }

    @Test
    void aModelWithoutADyadHeadIsRefusedClearlyAtTheDyadLevel(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("feed.jsonl");
        Files.writeString(feed, "{\"id\":\"b1\",\"text\":\"Seoul condemned Pyongyang's launch.\"}\n");
        String[] r = run("score", "--level", "dyad", "--model", "models/pair-v1.zip", "--format", "jsonl", "--out",
                dir.resolve("o.jsonl").toString(), feed.toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("models/pair-v1.zip: has no dyad head"), r[2]);
        assertTrue(!r[2].contains("Exception"), r[2]);
        // at the other levels the same model still scores, with no dyads
        Path a = dir.resolve("a.jsonl");
        assertEquals("0", run("score", "--level", "article", "--model", "models/pair-v1.zip", "--format", "jsonl",
                "--out", a.toString(), feed.toString())[0]);
        assertEquals(0, Json.MAPPER.readTree(Files.readAllLines(a).get(0)).get("dyads").size());
    }

    @Test
    void badDyadFilesAreRefusedWithTheirLineAndNoModelIsWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "sentence_id,text,source_start,source_end,target_start,target_end,stance\n"
                + "s1,Seoul condemned Pyongyang.,0,5,16,25,negative\n"
                + "s2,Seoul condemned Pyongyang.,0,5,16,99,negative\n");
        Path out = dir.resolve("m.zip");
        String[] r = run("train-dyads", "--model", "models/default.zip", "--data", bad.toString(), "--out",
                out.toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains(bad + ":3: target span [16, 99) is not inside the text"), r[2]);
        assertTrue(!Files.exists(out), "no model file from bad data");
        Path tsv = dir.resolve("test.tsv");
        Files.writeString(tsv, "[Trump] praised [Kasich].\tTrump\tKasich\t9\n");
        String[] e = run("eval", "--dyads", "--data", tsv.toString());
        assertEquals("1", e[0], e[2]);
        assertTrue(e[2].contains(tsv + ":1: label 9 is not 0-4"), e[2]);
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
