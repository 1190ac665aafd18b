package io.newsstance.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad inputs through {@code score}, {@code data check}, {@code train} and {@code eval}, run as the real CLI
 * in-process: each problem is reported once, naming its file and line (or record), the command ends with exit
 * code 1 and never with a stack trace, and score's counts add up (read = scored + rejected).
 */
class BadInputsTest {

    private static final String STANCE_HEADER =
            "pair_id,sentence_id,split,text,start,end,mention,actor,alias_kind,stance,sentiment,topic,register\n";
    private static final String STANCE_ROW =
            "p1,s1,train,\"Russia attacked Ukraine.\",0,6,Russia,RUSSIA,name,negative,negative,war,lead\n";
    /** A single line of ten megabytes. */
    private static final String TEN_MB = "Moscow rejected the plan " + "and again ".repeat(1024 * 1024) + "today.";

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Random bytes with NULs and invalid UTF-8, as a stray binary file has. */
    private static byte[] binary(long seed) {
        byte[] b = new byte[4096];
        new Random(seed).nextBytes(b);
        b[100] = 0;
        b[0] = (byte) 0x89; // a PNG header: invalid UTF-8 from the first byte
        return b;
    }

    @Test
    void scoreRejectsEachBadRecordByNameScoresTheRestAndTheCountsAddUp(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        write(in.resolve("unclosed.csv"), "id,text\na1,\"Russia attacked Ukraine.\"\na2,\"Moscow said x\n");
        write(in.resolve("unbalanced.csv"), "id,text\na1,\"Seoul thanked Tokyo.\"\na2,\"Kyiv \"said\" no\"\n");
        write(in.resolve("wrongcols.csv"), "id,body\na1,Russia attacked.\n");
        write(in.resolve("nocols.csv"), "id,title\na1,Russia\n");
        write(in.resolve("fieldcount.csv"), "id,text\na1,Russia attacked.,extra\na2,\"Seoul, Tokyo met.\"\n");
        Files.write(in.resolve("badutf8.txt"), "Russia attacked \u00ff Ukraine.".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("nul.txt"), "Russia\0 attacked.".getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("binary.txt"), binary(1));
        Files.write(in.resolve("binary.jsonl"), binary(2));
        write(in.resolve("empty.txt"), "");
        write(in.resolve("empty.jsonl"), "");
        write(in.resolve("empty.csv"), "");
        write(in.resolve("huge.txt"), TEN_MB);
        write(in.resolve("huge.jsonl"), Json.line(Map.of("id", "huge", "text", TEN_MB)) + "\n");
        write(in.resolve("wrongtypes.jsonl"), String.join("\n",
                "{\"id\":\"t1\",\"text\":17}",
                "{\"id\":[\"a\"],\"text\":\"Russia won.\"}",
                "{\"id\":\"t3\",\"text\":\"Russia won.\",\"date\":20250101}",
                "[1,2]",
                "\"just a string\"",
                "null",
                "{\"id\":\"t7\",\"text\":{\"a\":1}}",
                "{\"id\": \"t8\", \"text\": \"cut off",
                "{\"id\":\"ok\",\"text\":\"Kyiv thanked Berlin.\"}") + "\n");
        write(in.resolve("nosentences.txt"), "Advertisement\n\nShare this article\n");
        write(in.resolve("noactors.txt"), "Rain fell all day.\n\nThe roads were quiet.\n");
        StringBuilder longArticle = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            longArticle.append(i % 100 == 0 ? "Seoul welcomed round " + i + " of the talks. "
                    : "Talks went on past " + i + " p.m. on the second day. ");
        }
        write(in.resolve("long.txt"), longArticle.toString().strip());

        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        Cli.Result r = Cli.run("score", "--format", "jsonl", "--out", out.toString(), "--rejects", rejects.toString(),
                in.toString());
        r.assertNoCrash();
        assertEquals(1, r.exit(), r.stderr());
        long[] counts = r.counts();

        Map<String, String> rejected = new LinkedHashMap<>(); // location -> reason
        for (String line : Files.readAllLines(rejects)) {
            JsonNode j = Json.MAPPER.readTree(line);
            rejected.put(j.get("location").asText(), j.get("reason").asText());
        }
        assertEquals(counts[2], rejected.size(), "one rejects line per rejected record: " + rejected);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("unclosed.csv:3", "a quoted field is never closed");
        expected.put("unbalanced.csv:3", "unbalanced quotes");
        expected.put("wrongcols.csv:1", "unknown column 'body'");
        expected.put("nocols.csv:1", "no 'text' column");
        expected.put("fieldcount.csv:2", "has 3 fields, the header has 2");
        expected.put("badutf8.txt", "invalid UTF-8 at byte offset 16");
        expected.put("nul.txt", "NUL byte");
        expected.put("binary.txt", "NUL byte");
        expected.put("binary.jsonl:1", "invalid UTF-8");
        expected.put("empty.txt", "empty text");
        expected.put("empty.jsonl", "empty input");
        expected.put("empty.csv", "empty input");
        expected.put("huge.txt", "too long: 10,485,");
        expected.put("huge.jsonl:1", "too long: 10,485,");
        expected.put("wrongtypes.jsonl:1", "field \"text\" must be a string, not number");
        expected.put("wrongtypes.jsonl:2", "field \"id\" must be a string, not array");
        expected.put("wrongtypes.jsonl:3", "field \"date\" must be a string, not number");
        expected.put("wrongtypes.jsonl:4", "expected a JSON object");
        expected.put("wrongtypes.jsonl:5", "expected a JSON object");
        expected.put("wrongtypes.jsonl:6", "expected a JSON object");
        expected.put("wrongtypes.jsonl:7", "field \"text\" must be a string, not object");
        expected.put("wrongtypes.jsonl:8", "not valid JSON");
        expected.forEach((where, reason) -> {
            String location = in.resolve(where.replaceFirst(":\\d+$", "")) + where.replaceFirst("^[^:]*", "");
            assertTrue(rejected.containsKey(location), "no rejection for " + location + " in " + rejected.keySet());
            assertTrue(rejected.get(location).contains(reason), location + ": " + rejected.get(location));
            assertFalse(rejected.get(location).contains("Exception"), rejected.get(location));
        });
        assertEquals(expected.size(), rejected.size(), "nothing else rejected: " + rejected);

        List<String> ids = new java.util.ArrayList<>();
        Map<String, JsonNode> scored = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode j = Json.MAPPER.readTree(line);
            ids.add(j.get("id").asText());
            scored.put(j.get("id").asText(), j);
        }
        assertEquals(List.of("a2", "long.txt", "noactors.txt", "nosentences.txt", "a1", "a1", "ok"), ids,
                "the good records of the bad files are scored, in input order");
        assertEquals(counts[1], ids.size());
        assertEquals(5000, scored.get("long.txt").get("sentences").asInt());
        assertTrue(scored.get("long.txt").get("actors").size() > 0);
        assertEquals(0, scored.get("nosentences.txt").get("sentences").asInt());
        assertEquals(0, scored.get("noactors.txt").get("actors").size());
        assertEquals(2, scored.get("noactors.txt").get("sentences").asInt());
    }

    @Test
    void dataCheckNamesEveryProblemByFileAndLine(@TempDir Path dir) throws IOException {
        Map<String, String> expected = writeBadTrainingFiles(dir);
        Path ok = dir.resolve("ok.csv");
        write(ok, STANCE_HEADER + STANCE_ROW);
        List<String> args = new java.util.ArrayList<>(List.of("data", "check", ok.toString()));
        expected.keySet().forEach(f -> args.add(dir.resolve(f).toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        r.assertNoCrash();
        assertEquals(1, r.exit());
        List<String> lines = r.out().lines().toList();
        expected.forEach((file, message) -> assertTrue(lines.stream()
                        .anyMatch(l -> l.startsWith(dir.resolve(file) + ":") && l.contains(message)),
                file + " should be reported with '" + message + "':\n" + r.out()));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(ok + ":")), "the good file has no problem:\n" + r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("checked " + (expected.size() + 1) + " files"), r.out());

        Cli.Result good = Cli.run("data", "check", ok.toString());
        assertEquals(0, good.exit(), good.out());
    }

    @Test
    void trainAndEvalStopOnBadDataBeforeLoadingAnythingAndNameTheProblem(@TempDir Path dir) throws IOException {
        Map<String, String> expected = writeBadTrainingFiles(dir);
        Path model = dir.resolve("model.zip");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            for (String[] args : List.of(
                    new String[]{"train", "--data", file.toString(), "--out", model.toString(), "--cache",
                            dir.resolve("cache").toString()},
                    new String[]{"eval", "--data", file.toString()})) {
                Cli.Result r = Cli.run(args);
                r.assertNoCrash();
                assertEquals(1, r.exit(), args[0] + " " + file + ": " + r.stderr());
                assertTrue(r.problems().stream().anyMatch(p -> p.contains(file.toString()) && p.contains(e.getValue())),
                        args[0] + " " + file + " should say '" + e.getValue() + "':\n" + r.stderr());
            }
        }
        assertFalse(Files.exists(model), "no model file from bad data");
        Path unknown = dir.resolve("data.txt");
        write(unknown, "x");
        Cli.Result r = Cli.run("eval", "--data", unknown.toString());
        r.assertNoCrash();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown training-data format"), r.err());
    }

    /** Bad labelled files written to {@code dir}: file name -> what the report must say about it. */
    private static Map<String, String> writeBadTrainingFiles(Path dir) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        write(dir.resolve("unclosed.csv"), STANCE_HEADER + STANCE_ROW
                + "p2,s2,train,\"Moscow said,0,6,Moscow,RUSSIA,seat,neutral,neutral,war,lead\n");
        expected.put("unclosed.csv", ":3: malformed CSV (a quoted field is never closed)");
        write(dir.resolve("unbalanced.csv"), STANCE_HEADER + STANCE_ROW
                + "p2,s2,train,\"Moscow said,0,6,Moscow,RUSSIA,seat,neutral,neutral,war,lead\n"
                + "p3,s3,train,\"x\",0,1,x,,,neutral,,,\n");
        expected.put("unbalanced.csv", ":3: malformed CSV (unbalanced quotes");
        write(dir.resolve("wrongcols.csv"), "sentence,begin,finish,label\nRussia attacked.,0,6,negative\n");
        expected.put("wrongcols.csv", ":1: unknown column 'sentence'");
        write(dir.resolve("missingcols.csv"), "sentence_id,text,start,stance\ns1,Russia attacked.,0,negative\n");
        expected.put("missingcols.csv", ":1: missing required column 'end'");
        write(dir.resolve("fieldcount.csv"), STANCE_HEADER + "p1,s1,train,Russia attacked,0,6\n");
        expected.put("fieldcount.csv", ":2: has 6 fields, the header has 13");
        Files.write(dir.resolve("badutf8.csv"), (STANCE_HEADER + "p1,s1,train,\"Russia \u00ff.\",0,6,,,,negative,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        expected.put("badutf8.csv", ":2: invalid UTF-8 at byte offset");
        Files.write(dir.resolve("nul.csv"), (STANCE_HEADER + "p1,s1,train,\"Russia\0 attacked.\",0,6,,,,negative,,,\n")
                .getBytes(StandardCharsets.UTF_8));
        expected.put("nul.csv", ":2: NUL byte at byte offset");
        write(dir.resolve("empty.csv"), "");
        expected.put("empty.csv", ": empty file");
        write(dir.resolve("empty.jsonl"), "");
        expected.put("empty.jsonl", ": empty file");
        Files.write(dir.resolve("binary.csv"), binary(3));
        expected.put("binary.csv", "NUL byte at byte offset");
        write(dir.resolve("huge.csv"),
                STANCE_HEADER + "p1,s1,train,\"" + TEN_MB + "\",0,6,Moscow,RUSSIA,seat,negative,,,\n");
        expected.put("huge.csv", ":2: text is 10,485,");
        write(dir.resolve("wrongtypes.jsonl"), String.join("\n",
                "{\"sentence_normalized\":17,\"targets\":\"x\"}",
                "{\"sentence_normalized\":\"Russia won.\",\"targets\":[{\"from\":\"a\",\"to\":6,\"polarity\":2}]}",
                "{\"sentence_normalized\":\"Russia won.\",\"targets\":[1,2]}",
                "[1,2]") + "\n");
        expected.put("wrongtypes.jsonl", ":1: expected a NewsMTSC object");
        write(dir.resolve("badspan.csv"),
                STANCE_HEADER + "p1,s1,train,\"Russia attacked.\",0,60,Russia,,,negative,,,\n");
        expected.put("badspan.csv", ":2: span [0, 60) is not inside the text");
        return expected;
    }
}
