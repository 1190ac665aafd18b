package io.newsstance.data;

import io.newsstance.api.BadInputException;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceAndPageCarveTest {

    @Test
    void theBalanceCheckFlagsASkewedActor(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("sentence_id,split,text,start,end,actor,stance\n");
        String[] labels = {"negative", "neutral", "positive"};
        for (int i = 0; i < 30; i++) {
            // DPRK: 27 negative, 2 neutral, 1 positive; Japan: 10 of each label.
            String dprk = i < 27 ? "negative" : i < 29 ? "neutral" : "positive";
            csv.append("s").append(i).append(",train,\"North Korea met Japan, round ").append(i).append(".\",0,11,DPRK,")
                    .append(dprk).append('\n');
            csv.append("s").append(i).append(",train,\"North Korea met Japan, round ").append(i).append(".\",16,21,JAPAN,")
                    .append(labels[i % 3]).append('\n');
        }
        Path file = dir.resolve("skewed-train.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<DataStats.Balance> balance = DataStats.of(new TrainingDataReader().readAll(List.of(file)))
                .balance(DataStats.BALANCE_TOP, DataStats.BALANCE_FLOOR);
        DataStats.Balance dprk = balance.stream().filter(b -> b.actor().equals("DPRK")).findFirst().orElseThrow();
        DataStats.Balance japan = balance.stream().filter(b -> b.actor().equals("JAPAN")).findFirst().orElseThrow();
        assertEquals(List.of("neutral", "positive"), dprk.under());
        assertEquals(0.9, dprk.shares().get("negative"), 1e-9);
        assertTrue(japan.ok(), "a third of each label is balanced");
    }

    @Test
    void thePageCarveNeverSplitsAPageAndIsTheSameForTheSameSeed(@TempDir Path dir) throws IOException {
        // Two files whose pages recur across them, as realnews's region files do.
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, lines(0, 300), StandardCharsets.UTF_8);
        Files.writeString(b, lines(150, 450), StandardCharsets.UTF_8);
        PageCarve.Counts c = PageCarve.split(List.of(a, b), dir.resolve("t.jsonl"), dir.resolve("d.jsonl"), 0.2, 42);
        assertEquals(600, c.trainLines() + c.devLines(), "every line on one side");
        Set<String> trainPages = pages(dir.resolve("t.jsonl"));
        Set<String> devPages = pages(dir.resolve("d.jsonl"));
        Set<String> both = new HashSet<>(trainPages);
        both.retainAll(devPages);
        assertTrue(both.isEmpty(), "no page on both sides: " + both);
        assertEquals(c.devPages(), devPages.size());
        assertTrue(c.devPages() > 10 && c.devPages() < 40, "about 20% of 90 pages: " + c.devPages());
        String dev = Files.readString(dir.resolve("d.jsonl"));
        PageCarve.split(List.of(a, b), dir.resolve("t2.jsonl"), dir.resolve("d2.jsonl"), 0.2, 42);
        assertEquals(dev, Files.readString(dir.resolve("d2.jsonl")), "same seed, same carve");
        PageCarve.split(List.of(a, b), dir.resolve("t3.jsonl"), dir.resolve("d3.jsonl"), 0.2, 43);
        assertNotEquals(dev, Files.readString(dir.resolve("d3.jsonl")), "another seed, another carve");
    }

    @Test
    void aLineWithoutAPageIsRejectedWithItsLocation(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Files.writeString(a, lines(0, 3) + "{\"sentence_normalized\":\"Iran met Iraq.\",\"targets\":[{\"from\":0,\"to\":4,"
                + "\"polarity\":4.0}]}\n", StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class,
                () -> PageCarve.split(List.of(a), dir.resolve("t.jsonl"), dir.resolve("d.jsonl"), 0.2, 1));
        assertTrue(e.getMessage().contains(a + ":4"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("t.jsonl")), "nothing written");
    }

    /** Sentences i in [from, to), five per page. */
    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("{\"primary_gid\":\"s").append(i).append("\",\"source\":\"https://example.org/page/")
                    .append(i / 5).append("\",\"sentence_normalized\":\"Iran met Iraq in round ").append(i)
                    .append(".\",\"sentiment\":\"neutral\",\"targets\":[{\"from\":0,\"to\":4,\"polarity\":4.0,"
                            + "\"actor\":\"IRAN\"}]}\n");
        }
        return sb.toString();
    }

    private static Set<String> pages(Path file) throws IOException {
        Set<String> pages = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            pages.add(Json.MAPPER.readTree(line).get("source").asText());
        }
        return pages;
    }
}
