package io.newsstance.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstance.StanceClassifier;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.BadInputException;
import io.newsstance.io.Json;
import io.newsstance.output.Level;
import io.newsstance.output.ResultRows;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Spark job on a real local[2] session and checks its outputs against {@link StanceClassifier#score}
 * and {@link ResultRows} on the same articles.
 */
class SparkScoringJobTest {

    static final Path FEED = Path.of("training-data", "articles", "sample-feed.jsonl");
    /** Variants of each sample-feed article: 4 gives 160 articles, about 1,000 sentences (~20 s of scoring on 2 cores). */
    static final int VARIANTS = 4;

    static SparkSession spark;
    static Path model;
    static StanceClassifier reference;

    @BeforeAll
    static void start() {
        model = modelFile();
        assumeTrue(model != null, "no model file: set -Dnewsstance.model or add models/default.zip");
        // Spark logs thousands of INFO lines through slf4j-simple; keep warnings (takes effect if slf4j-simple is
        // not initialised yet in this JVM).
        for (String logger : List.of("org.apache.spark", "org.apache.hadoop", "org.apache.parquet", "org.sparkproject")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
        spark = SparkSession.builder().master("local[2]").appName("SparkScoringJobTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        reference = StanceClassifier.load(model, ActorDictionary.loadDefault(), 2);
    }

    @AfterAll
    static void stop() {
        if (reference != null) {
            reference.close();
        }
        if (spark != null) {
            spark.stop();
        }
        // The job's cached classifier is left alone: closing it while a task of a failed job still scores would
        // crash ONNX Runtime (native code); the JVM frees it at exit.
    }

    /** The model named by -Dnewsstance.model, else models/default.zip, else (until it lands) a cached one. */
    static Path modelFile() {
        Path p = Path.of(System.getProperty("newsstance.model", "models/default.zip"));
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path fallback = Path.of("/work/cache/try2.zip");
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    // ------------------------------------------------------------------------------------------ JSON Lines

    /** What the test input holds: every line of the file, and the articles that should be scored. */
    record Input(List<String> lines, List<Article> articles, Map<String, String> badReasons) {
    }

    /**
     * The 40 sample-feed articles in four variants (160 articles: texts cut, reordered or extended, dates with
     * a time or blank, another source, some without id), plus bad records and a blank line.
     */
    static Input feedInput(String fileName) throws Exception {
        List<JsonNode> feed = new ArrayList<>();
        for (String line : Files.readAllLines(FEED, StandardCharsets.UTF_8)) {
            feed.add(Json.MAPPER.readTree(line));
        }
        List<String> lines = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        for (int k = 0; k < VARIANTS; k++) {
            for (int i = 0; i < feed.size(); i++) {
                ObjectNode a = (ObjectNode) feed.get(i).deepCopy();
                String text = a.get("text").asText();
                String[] paragraphs = text.split("\n\n");
                switch (k) {
                    case 1 -> {
                        List<String> reversed = new ArrayList<>(List.of(paragraphs));
                        java.util.Collections.reverse(reversed);
                        a.put("text", String.join("\n\n", reversed));
                        a.put("source", "Wire Z");
                    }
                    case 2 -> {
                        a.put("text", String.join("\n\n", List.of(paragraphs).subList(0, Math.min(2, paragraphs.length))));
                        a.put("date", a.get("date").asText() + "T08:00:00Z");
                    }
                    case 3 -> {
                        a.put("text", text + "\n\nMoscow declined to comment, and Beijing praised the talks.");
                        a.put("date", "");
                    }
                    case 4 -> a.put("text", a.get("title").asText() + "\n\n" + text);
                    default -> {
                    }
                }
                if (k > 0) {
                    a.put("id", a.get("id").asText() + "-v" + k);
                }
                if (k == 3 && i % 8 == 0) {
                    a.remove("id");
                }
                lines.add(Json.line(a));
                if (lines.size() == 77) {
                    lines.add("");  // a blank line: skipped, but it counts for line numbers
                }
                String id = a.has("id") ? a.get("id").asText() : fileName + ":" + lines.size();
                articles.add(new Article(id, a.get("title").asText(), a.get("text").asText(), a.get("date").asText(),
                        a.get("source").asText(), a.get("url").asText()));
            }
            if (k == 2) {
                lines.add("{\"id\": \"bad-blank\", \"title\": \"Blank\", \"text\": \"   \\n \"}");
                lines.add("{\"id\": \"bad-number\", \"text\": 42}");
                lines.add("{\"id\": \"bad-json\", \"text\": \"Moscow said it would");
                lines.add("{\"id\": \"bad-missing\", \"title\": \"No text\"}");
                lines.add("{\"id\": \"bad-title\", \"title\": [\"a\"], \"text\": \"Moscow said no.\"}");
                lines.add("[\"not\", \"an\", \"object\"]");
            }
        }
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("bad-blank", "empty text");
        bad.put("bad-number", "field \"text\" must be a string, not number");
        bad.put("bad-json", "not valid JSON");
        bad.put("bad-missing", "missing field \"text\"");
        bad.put("bad-title", "field \"title\" must be a string, not array");
        bad.put("not-an-object", "expected a JSON object");
        return new Input(lines, articles, bad);
    }

    @Test
    void scoresJsonLinesAsTheClassifierDoes(@TempDir Path dir) throws Exception {
        Input input = feedInput("feed.jsonl");
        Path file = dir.resolve("feed.jsonl");
        Files.write(file, input.lines(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        JobOptions options = new JobOptions(file.toString(), out.toString());
        options.model = model.toString();
        options.batchSize = 16;
        int loadsBefore = ClassifierCache.loads();

        // Small splits: the ~100 KB file is read as several splits, so row numbers must be counted across them.
        spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
        long started = System.nanoTime();
        JobResult result;
        try {
            result = SparkScoringJob.run(spark, options);
        } finally {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
        System.out.printf("Spark job: %s in %.1f s%n", result.line(), (System.nanoTime() - started) / 1e9);

        // Counts: every record once, good or rejected.
        int bad = input.badReasons().size();
        assertEquals(input.articles().size() + bad, result.read());
        assertEquals(input.articles().size(), result.scored());
        assertEquals(bad, result.rejected());
        assertEquals(result.read(), result.scored() + result.rejected());
        JsonNode counts = Json.MAPPER.readTree(out.resolve("_counts.json").toFile());
        assertEquals(result.read(), counts.get("read").asLong());
        assertEquals(result.scored(), counts.get("scored").asLong());
        assertEquals(result.rejected(), counts.get("rejected").asLong());
        assertTrue(ClassifierCache.loads() - loadsBefore <= 1, "one classifier per JVM");

        // Rejects: location, id and reason.
        List<Row> rejects = spark.read().parquet(out.resolve("rejects").toString()).collectAsList();
        assertEquals(bad, rejects.size());
        Map<String, String> reasons = new HashMap<>();
        for (Row r : rejects) {
            String id = r.getAs("id");
            String location = r.getAs("location");
            assertTrue(location.matches(".*feed\\.jsonl:\\d+"), location);
            reasons.put(id != null ? id : "null:" + location.substring(location.lastIndexOf(':') + 1), r.getAs("reason"));
        }
        for (Map.Entry<String, String> e : input.badReasons().entrySet()) {
            String key = e.getKey();
            if (key.equals("bad-json") || key.equals("not-an-object")) {
                String line = key.equals("bad-json") ? "{\"id\": \"bad-json\"" : "[\"not\"";
                key = "null:" + lineNumber(input, line);
            }
            assertNotNull(reasons.get(key), key + " in " + reasons);
            assertTrue(reasons.get(key).contains(e.getValue()), key + ": " + reasons.get(key));
        }

        // Mentions: the same rows as StanceClassifier.score + ResultRows.rows(..., MENTION).
        started = System.nanoTime();
        List<ArticleResult> expected = reference.scoreAll(input.articles());
        System.out.printf("StanceClassifier.scoreAll: %d articles in %.1f s%n", expected.size(),
                (System.nanoTime() - started) / 1e9);
        List<Map<String, Object>> expectedMentions = new ArrayList<>();
        expected.forEach(r -> expectedMentions.addAll(ResultRows.rows(r, Level.MENTION)));
        Dataset<Row> mentionRows = spark.read().parquet(out.resolve("mentions").toString());
        assertEquals(ResultRows.MENTION_FIELDS, List.of(mentionRows.columns()));
        List<Row> mentions = mentionRows.collectAsList();
        assertTrue(expectedMentions.size() > 300, "mentions: " + expectedMentions.size());
        assertEquals(expectedMentions.size(), mentions.size());
        assertEquals(expectedMentions.size(), result.mentions());
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : mentions) {
            byKey.put(r.getAs("article_id") + "|" + r.getAs("sentence_index") + "|" + r.getAs("start"), r);
        }
        for (Map<String, Object> m : expectedMentions) {
            Row r = byKey.get(m.get("article_id") + "|" + m.get("sentence_index") + "|" + m.get("start"));
            assertNotNull(r, "no Spark row for " + m);
            assertSameRecord(m, r, ResultRows.MENTION_FIELDS);
        }

        // Sentences and articles, with their nested arrays.
        List<Map<String, Object>> expectedSentences = new ArrayList<>();
        expected.forEach(r -> expectedSentences.addAll(ResultRows.rows(r, Level.SENTENCE)));
        List<Row> sentences = spark.read().parquet(out.resolve("sentences").toString()).collectAsList();
        assertEquals(expectedSentences.size(), sentences.size());
        Map<String, Row> sentenceByKey = new HashMap<>();
        sentences.forEach(r -> sentenceByKey.put(r.getAs("article_id") + "|" + r.getAs("sentence_index"), r));
        for (Map<String, Object> s : expectedSentences) {
            Row r = sentenceByKey.get(s.get("article_id") + "|" + s.get("sentence_index"));
            assertNotNull(r, "no Spark row for sentence " + s);
            assertSameRecord(s, r, ResultRows.SENTENCE_FIELDS);
        }
        Dataset<Row> articleRows = spark.read().parquet(out.resolve("articles").toString());
        assertEquals(ResultRows.ARTICLE_FIELDS, List.of(articleRows.columns()));
        Map<String, Row> articleById = new HashMap<>();
        articleRows.collectAsList().forEach(r -> articleById.put(r.getAs("id"), r));
        assertEquals(expected.size(), articleById.size());
        for (ArticleResult r : expected) {
            Row row = articleById.get(r.article().id());
            assertNotNull(row, "no article row for " + r.article().id());
            assertSameRecord(ResultRows.article(r), row, ResultRows.ARTICLE_FIELDS);
        }
        assertTrue(articleById.containsKey("feed.jsonl:" + lineNumber(input, "{\"title\":")),
                "generated ids are file:line: " + articleById.keySet().stream().filter(k -> k.contains(":")).toList());

        // actor_daily: the mention counts per day, source and actor.
        List<Row> daily = spark.read().parquet(out.resolve("actor_daily").toString()).collectAsList();
        Map<String, long[]> expectedDaily = new TreeMap<>();
        Map<String, double[]> expectedScore = new TreeMap<>();
        for (Map<String, Object> m : expectedMentions) {
            String date = ((String) m.get("date")).isBlank() ? "unknown" : ((String) m.get("date")).substring(0, 10);
            String source = ((String) m.get("source")).isBlank() ? "unknown" : (String) m.get("source");
            String key = date + "|" + source + "|" + m.get("actor");
            long[] c = expectedDaily.computeIfAbsent(key, k -> new long[4]);
            c[0]++;
            c[switch ((String) m.get("stance")) {
                case "negative" -> 1;
                case "neutral" -> 2;
                default -> 3;
            }]++;
            expectedScore.computeIfAbsent(key, k -> new double[1])[0] += (Double) m.get("score");
        }
        assertEquals(expectedDaily.size(), daily.size());
        long total = 0;
        for (Row r : daily) {
            String key = r.getAs("date") + "|" + r.getAs("source") + "|" + r.getAs("actor");
            long[] c = expectedDaily.get(key);
            assertNotNull(c, "unexpected actor_daily row " + key);
            assertEquals(c[0], (long) r.<Long>getAs("mentions"), key);
            assertEquals(c[1], (long) r.<Long>getAs("negative"), key);
            assertEquals(c[2], (long) r.<Long>getAs("neutral"), key);
            assertEquals(c[3], (long) r.<Long>getAs("positive"), key);
            assertEquals(expectedScore.get(key)[0] / c[0], r.<Double>getAs("mean_score"), 1.5e-4, key);
            total += r.<Long>getAs("mentions");
        }
        assertEquals(expectedMentions.size(), total);
        assertTrue(expectedDaily.keySet().stream().anyMatch(k -> k.startsWith("unknown|")));
        assertEquals(result.actorDailyRows(), daily.size());

        // Dyads: the same rows as ResultRows.rows(..., DYAD), and dyad_daily their counts per day, source and pair.
        List<Map<String, Object>> expectedDyads = new ArrayList<>();
        expected.forEach(r -> expectedDyads.addAll(ResultRows.rows(r, Level.DYAD)));
        assertTrue(reference.model().hasDyads() == !expectedDyads.isEmpty());
        Dataset<Row> dyadRows = spark.read().parquet(out.resolve("dyads").toString());
        assertEquals(ResultRows.DYAD_FIELDS, List.of(dyadRows.columns()));
        List<Row> dyads = dyadRows.collectAsList();
        assertEquals(expectedDyads.size(), dyads.size());
        assertEquals(expectedDyads.size(), result.dyads());
        Map<String, Row> dyadByKey = new HashMap<>();
        for (Row r : dyads) {
            dyadByKey.put(r.getAs("article_id") + "|" + r.getAs("sentence_index") + "|" + r.getAs("source_start") + "|"
                    + r.getAs("target_start"), r);
        }
        Map<String, long[]> expectedDyadDaily = new TreeMap<>();
        for (Map<String, Object> d : expectedDyads) {
            Row r = dyadByKey.get(d.get("article_id") + "|" + d.get("sentence_index") + "|" + d.get("source_start")
                    + "|" + d.get("target_start"));
            assertNotNull(r, "no Spark row for dyad " + d);
            assertSameRecord(d, r, ResultRows.DYAD_FIELDS);
            String date = ((String) d.get("date")).isBlank() ? "unknown" : ((String) d.get("date")).substring(0, 10);
            String source = ((String) d.get("source")).isBlank() ? "unknown" : (String) d.get("source");
            long[] c = expectedDyadDaily.computeIfAbsent(date + "|" + source + "|" + d.get("source_actor") + "|"
                    + d.get("target_actor"), k -> new long[2]);
            c[0]++;
            c[1] += d.get("stance").equals("negative") ? 1 : 0;
        }
        List<Row> dyadDaily = spark.read().parquet(out.resolve("dyad_daily").toString()).collectAsList();
        assertEquals(expectedDyadDaily.size(), dyadDaily.size());
        assertEquals(result.dyadDailyRows(), dyadDaily.size());
        for (Row r : dyadDaily) {
            String key = r.getAs("date") + "|" + r.getAs("source") + "|" + r.getAs("source_actor") + "|"
                    + r.getAs("target_actor");
            long[] c = expectedDyadDaily.get(key);
            assertNotNull(c, "unexpected dyad_daily row " + key);
            assertEquals(c[0], (long) r.<Long>getAs("mentions"), key);
            assertEquals(c[1], (long) r.<Long>getAs("negative"), key);
        }
        assertEquals(result.dyads(), counts.get("dyads").asLong());
    }

    /** A Spark row has the same fields and values as a ResultRows record (doubles within 1e-6). */
    @SuppressWarnings("unchecked")
    static void assertSameRecord(Map<String, Object> expected, Row actual, List<String> fields) {
        assertEquals(fields, List.of(actual.schema().fieldNames()));
        for (String f : fields) {
            Object e = expected.get(f);
            Object a = actual.getAs(f);
            String where = f + " of " + expected.get(fields.get(0));
            if (e instanceof List<?> list) {
                List<Row> rows = actual.getList(actual.fieldIndex(f));
                assertEquals(list.size(), rows.size(), where);
                for (int i = 0; i < list.size(); i++) {
                    Map<String, Object> m = (Map<String, Object>) list.get(i);
                    assertSameRecord(m, rows.get(i), List.copyOf(m.keySet()));
                }
            } else if (e instanceof Double d) {
                assertEquals(d, (Double) a, 1e-6, where);
            } else {
                assertEquals(e, a, where);
            }
        }
    }

    private static int lineNumber(Input input, String prefix) {
        for (int i = 0; i < input.lines().size(); i++) {
            if (input.lines().get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    // ------------------------------------------------------------------------------------------ CSV, Parquet

    @Test
    void readsCsvAndWritesJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("articles.csv");
        StringWriter csv = new StringWriter();
        List<Article> articles = new ArrayList<>();
        try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.RFC4180.builder()
                .setHeader("text", "ID", "date", "author", "source").get())) {
            p.printRecord("Seoul condemned Pyongyang's launch.\n\nWashington said \"all options\" remain open.", "c1",
                    "2025-03-14", "J. Doe", "Wire A");
            articles.add(new Article("c1", "", "Seoul condemned Pyongyang's launch.\n\nWashington said \"all options\" "
                    + "remain open.", "2025-03-14", "Wire A", ""));
            p.printRecord("", "c2", "2025-03-14", "", "Wire A");
            p.printRecord("Moscow and Kyiv traded accusations over the strike.", "", "", "", "");
            articles.add(new Article("articles.csv:3", "", "Moscow and Kyiv traded accusations over the strike.", "",
                    "", ""));
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        JobOptions options = new JobOptions(file.toString(), out.toString());
        options.model = model.toString();
        options.outputFormat = "jsonl";
        JobResult result = SparkScoringJob.run(spark, options);
        assertEquals(3, result.read());
        assertEquals(2, result.scored());
        assertEquals(1, result.rejected());

        List<JsonNode> rejects = jsonLines(out.resolve("rejects"));
        assertEquals(1, rejects.size());
        assertEquals("c2", rejects.get(0).get("id").asText());
        assertEquals("empty text", rejects.get(0).get("reason").asText());
        assertTrue(rejects.get(0).get("location").asText().endsWith("articles.csv:2"));

        List<Map<String, Object>> expected = new ArrayList<>();
        for (ArticleResult r : reference.scoreAll(articles)) {
            expected.addAll(ResultRows.rows(r, Level.MENTION));
        }
        List<JsonNode> mentions = jsonLines(out.resolve("mentions"));
        assertEquals(expected.size(), mentions.size());
        for (JsonNode m : mentions) {
            assertEquals(ResultRows.MENTION_FIELDS, iterableToList(m.fieldNames()), "JSON field order");
            Map<String, Object> e = expected.stream().filter(x -> x.get("article_id").equals(m.get("article_id").asText())
                    && x.get("start").equals(m.get("start").asInt())).findFirst().orElseThrow();
            assertEquals(e.get("actor"), m.get("actor").asText());
            assertEquals(e.get("stance"), m.get("stance").asText());
            assertEquals((Double) e.get("p_positive"), m.get("p_positive").asDouble(), 1e-6);
        }
        List<JsonNode> sentences = jsonLines(out.resolve("sentences"));
        assertTrue(sentences.stream().allMatch(s -> s.has("sentiment") && s.get("mentions").isArray()));
        List<JsonNode> daily = jsonLines(out.resolve("actor_daily"));
        assertEquals(expected.size(), daily.stream().mapToLong(d -> d.get("mentions").asLong()).sum());
    }

    @Test
    void readsParquet(@TempDir Path dir) throws Exception {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType)
                .add("date", DataTypes.DateType).add("lang", DataTypes.StringType);
        List<Row> rows = List.of(
                RowFactory.create(7L, "NATO allies pledged more air defence for Ukraine.", java.sql.Date.valueOf("2025-06-25"), "en"),
                RowFactory.create(null, "Tehran rejected the IAEA report as politically motivated.", null, "en"),
                RowFactory.create(9L, null, null, "en"));
        Path in = dir.resolve("in");
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(in.toString());
        Path out = dir.resolve("out");
        JobOptions options = new JobOptions(in.toString(), out.toString());
        options.model = model.toString();
        JobResult result = SparkScoringJob.run(spark, options);
        assertEquals(3, result.read());
        assertEquals(2, result.scored());
        Map<String, Row> articles = new HashMap<>();
        spark.read().parquet(out.resolve("articles").toString()).collectAsList().forEach(r -> articles.put(r.getAs("id"), r));
        assertEquals("2025-06-25", articles.get("7").getAs("date"));
        String generated = articles.keySet().stream().filter(k -> !k.equals("7")).findFirst().orElseThrow();
        assertTrue(generated.matches("part-.*\\.parquet:2"), generated);
        Row reject = spark.read().parquet(out.resolve("rejects").toString()).first();
        assertEquals("9", reject.getAs("id"));
        assertEquals("text is null", reject.getAs("reason"));
    }

    // ------------------------------------------------------------------------------------------ errors

    @Test
    void badArgumentsExitWithTwoAndBadFilesWithOne(@TempDir Path dir) throws Exception {
        assertEquals(2, execute("--output", dir.resolve("o").toString()).exit());
        assertEquals(2, execute("--input", "x.jsonl", "--output", "o", "--batch-size", "0").exit());
        assertEquals(2, execute("--input", "x.jsonl", "--output", "o", "--output-format", "xml").exit());
        assertEquals(2, execute("--input", "x.jsonl", "--output", "o", "--bogus").exit());
        Exec help = execute("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--batch-size"), help.out());

        Exec missing = execute("--input", dir.resolve("nope.jsonl").toString(), "--output", dir.resolve("o").toString(),
                "--model", model.toString());
        assertEquals(1, missing.exit(), missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path txt = dir.resolve("a.txt");
        Files.writeString(txt, "Moscow said.");
        assertEquals(2, execute("--input", txt.toString(), "--output", dir.resolve("o").toString(),
                "--model", model.toString()).exit());

        Path notParquet = dir.resolve("broken.parquet");
        Files.writeString(notParquet, "this is not parquet");
        Exec broken = execute("--input", notParquet.toString(), "--output", dir.resolve("o2").toString(),
                "--model", model.toString());
        assertEquals(1, broken.exit(), broken.err());

        Path noText = dir.resolve("no-text.csv");
        Files.writeString(noText, "id,title\n1,Hello\n");
        JobOptions o = new JobOptions(noText.toString(), dir.resolve("o3").toString());
        o.model = model.toString();
        BadInputException e = assertThrows(BadInputException.class, () -> SparkScoringJob.run(spark, o));
        assertTrue(e.getMessage().contains("no 'text' column"), e.getMessage());

        Path badModel = dir.resolve("model.zip");
        Files.writeString(badModel, "not a zip");
        Path ok = dir.resolve("ok.jsonl");
        Files.writeString(ok, "{\"text\": \"Moscow said.\"}\n");
        Exec model = execute("--input", ok.toString(), "--output", dir.resolve("o4").toString(), "--model",
                badModel.toString());
        assertEquals(1, model.exit(), model.err());

        Path used = dir.resolve("used");
        Files.createDirectories(used.resolve("mentions"));
        assertEquals(2, execute("--input", ok.toString(), "--output", used.toString(), "--model",
                SparkScoringJobTest.model.toString()).exit());
    }

    @Test
    void sparkRejectsTheRecordsScoreRejectsForTheSameReasons(@TempDir Path dir) throws Exception {
        // One article's text rule (ArticleTextRule) for both: the Spark job once had its own copy without the
        // 1,000,000-character limit and scored articles the CLI rejects.
        List<String> lines = List.of(
                "{\"id\": \"ok\", \"text\": \"Moscow thanked Pyongyang for its support, KCNA said.\"}",
                "{\"id\": \"blank\", \"text\": \"  \\n \"}",
                "{\"id\": \"nul\", \"text\": \"Seoul\\u0000 said no.\"}",
                "{\"id\": \"long\", \"text\": \"" + "Kyiv said so. ".repeat(71_429) + "\"}",
                "{\"id\": \"number\", \"text\": 7}",
                "{\"id\": \"missing\", \"title\": \"No text\"}",
                "{\"id\": \"broken\", \"text\": \"Moscow said it would",
                "[\"not\", \"an\", \"object\"]",
                "{\"id\": \"ok2\", \"text\": \"Beijing and Washington agreed to keep talking.\"}");
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        Path rejectsFile = dir.resolve("rejects.jsonl");
        io.newsstance.robustness.Cli.Result cli = io.newsstance.robustness.Cli.run("score", "--model",
                model.toString(), "--format", "jsonl", "--rejects", rejectsFile.toString(), "--out",
                dir.resolve("scored.jsonl").toString(), file.toString());
        assertEquals(1, cli.exit(), cli.stderr());
        Map<Integer, String> byCli = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(rejectsFile, StandardCharsets.UTF_8)) {
            JsonNode r = Json.MAPPER.readTree(line);
            String location = r.get("location").asText();
            byCli.put(Integer.parseInt(location.substring(location.lastIndexOf(':') + 1)), r.get("reason").asText());
        }

        Path out = dir.resolve("out");
        JobOptions options = new JobOptions(file.toString(), out.toString());
        options.model = model.toString();
        JobResult result = SparkScoringJob.run(spark, options);
        Map<Integer, String> bySpark = new java.util.TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve("rejects").toString()).collectAsList()) {
            String location = r.getAs("location");
            bySpark.put(Integer.parseInt(location.substring(location.lastIndexOf(':') + 1)), r.getAs("reason"));
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), List.copyOf(byCli.keySet()), "the CLI rejects lines 2-8");
        assertEquals(byCli, bySpark, "the same rejects with the same reasons");
        assertTrue(byCli.get(4).startsWith("text is too long: 1,000,006 characters"), byCli.get(4));
        assertEquals(cli.counts()[1], result.scored());
        assertEquals(9, result.read());
    }

    record Exec(int exit, String out, String err) {
    }

    static Exec execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkScoringJob.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Exec(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<JsonNode> jsonLines(Path dir) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        nodes.add(Json.MAPPER.readTree(line));
                    }
                }
            }
        }
        return nodes;
    }

    static <T> List<T> iterableToList(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
