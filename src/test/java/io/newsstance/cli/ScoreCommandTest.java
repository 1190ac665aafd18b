package io.newsstance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code newsstance score} end to end with the real default model. */
class ScoreCommandTest {

    /** Runs the command with stderr captured (the closing counts line goes there): exit code, output, stderr. */
    static String[] run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            CliTest.Result r = CliTest.run(args);
            return new String[]{String.valueOf(r.exit()), r.out(), err.toString() + r.err()};
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void scoresTheSampleArticlesAtEveryLevelAndTheCountsAddUp(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("articles.jsonl");
        String[] r = run("score", "--level", "article", "--format", "jsonl", "--out", out.toString(),
                "training-data/articles/");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("read 48, scored 48, rejected 0"), r[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals(48, lines.size(), "40 feed articles and 8 text files");
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        for (String field : List.of("id", "sentences", "sentiment", "actors")) {
            assertTrue(first.has(field), field);
        }
        JsonNode actor = first.get("actors").get(0);
        for (String field : List.of("actor", "mentions", "negative", "neutral", "positive", "mean_score")) {
            assertTrue(actor.has(field), field);
        }
        assertTrue(dir.toFile().list().length == 1, "only the output file, no temp files left");

        Path mentions = dir.resolve("mentions.jsonl");
        run("score", "--level", "mention", "--format", "jsonl", "--out", mentions.toString(),
                "training-data/articles/2025-03-14-seoul-missile-test.txt");
        String text = Files.readString(Path.of("training-data/articles/2025-03-14-seoul-missile-test.txt"));
        for (String line : Files.readAllLines(mentions)) {
            JsonNode m = Json.MAPPER.readTree(line);
            for (String field : List.of("article_id", "sentence_index", "actor", "start", "end", "text", "stance",
                    "p_negative", "p_neutral", "p_positive")) {
                assertTrue(m.has(field), field);
            }
            assertEquals(m.get("text").asText(), text.substring(m.get("start").asInt(), m.get("end").asInt()));
        }
    }

    @Test
    void badRecordsGoToTheRejectsFileWithTheirReasons(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("feed.jsonl");
        Files.writeString(feed, """
                {"id":"ok1","text":"Pyongyang fired a missile. Seoul condemned the launch."}
                {"id":"bad1","text":17}
                this is not json
                {"id":"empty","text":"   "}
                {"id":"ok2","text":"Brussels praised Kyiv's reforms."}
                """);
        Path rejects = dir.resolve("rejects.jsonl");
        Path out = dir.resolve("out.csv");
        String[] r = run("score", "--level", "mention", "--format", "csv", "--out", out.toString(), "--rejects",
                rejects.toString(), feed.toString(), dir.resolve("missing.txt").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("read 6, scored 2, rejected 4"), r[2]);
        List<String> rej = Files.readAllLines(rejects);
        assertEquals(4, rej.size());
        assertTrue(rej.get(0).contains(feed + ":2") && rej.get(0).contains("must be a string"), rej.get(0));
        assertTrue(rej.get(1).contains("not valid JSON"), rej.get(1));
        assertTrue(rej.get(2).contains("empty text"), rej.get(2));
        assertTrue(rej.get(3).contains("no such file"), rej.get(3));
        List<String> csv = Files.readAllLines(out);
        assertTrue(csv.get(0).startsWith("article_id,date,source,sentence_index,actor,start,end,text"), csv.get(0));
        assertTrue(csv.size() >= 5, "mentions of Pyongyang, Seoul, Brussels, Kyiv: " + csv);
    }

    @Test
    void inputsAreCheckedBeforeTheModelLoads(@TempDir Path dir) {
        // The model file does not exist: were it loaded, score would fail on it. It is never needed, since no
        // input yields an article, so the only problem reported is the missing input, counted as a reject.
        String missing = dir.resolve("missing.txt").toString();
        String[] r = run("score", "--model", dir.resolve("no-such-model.zip").toString(), missing);
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("rejected " + missing + ": no such file or directory"), r[2]);
        assertTrue(r[2].contains("read 1, scored 0, rejected 1"), r[2]);
        assertTrue(!r[2].contains("no-such-model"), "the model was not touched: " + r[2]);
    }

    @Test
    void tableIsAPerActorSummary() {
        String[] r = run("score", "--format", "table", "training-data/articles/2025-02-20-kyiv-drone-strike-eu-sanctions.txt");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("RUSSIA") && r[1].contains("95% interval"), r[1]);
    }
}
