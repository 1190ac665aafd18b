package io.newsstance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --fine-tune} writes a model that {@code score} and {@code eval} use like any other. */
class FineTuneCommandTest {

    @TempDir
    Path dir;

    @Test
    void fineTunedModelFileIsScoredAndEvaluatedByTheUsualCommands() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("training-data/stance-dev.csv"));
        Path train = dir.resolve("train.csv");
        Path dev = dir.resolve("dev.csv");
        Files.write(train, lines.subList(0, 41));
        Files.write(dev, concat(lines.get(0), lines.subList(41, 57)));
        Path model = dir.resolve("tuned.zip");
        CliTest.Result trained = CliTest.run("train", "--fine-tune", "--trainable-layers", "1", "--epochs", "1",
                "--batch-size", "8", "--hidden", "16", "--data", train.toString(), "--dev", dev.toString(),
                "--cache", dir.resolve("cache").toString(), "--out", model.toString());
        assertEquals(0, trained.exit(), trained.err());
        JsonNode summary = Json.MAPPER.readTree(trained.out().strip());
        assertEquals(1, summary.get("epochs_run").asInt());
        assertTrue(Files.isRegularFile(dir.resolve("tuned.zip.checkpoint")), "the default checkpoint sits by --out");

        Path article = dir.resolve("article.txt");
        Files.writeString(article, "Russia attacked Ukraine again overnight. The EU condemned Moscow.\n");
        CliTest.Result scored = CliTest.run("score", "--model", model.toString(), "--format", "jsonl",
                "--level", "mention", article.toString());
        assertEquals(0, scored.exit(), scored.err());
        List<String> rows = scored.out().lines().toList();
        assertTrue(rows.size() >= 3, scored.out());
        assertTrue(rows.stream().anyMatch(r -> r.contains("\"RUSSIA\"")), scored.out());

        CliTest.Result evaluated = CliTest.run("eval", "--model", model.toString(), "--data", dev.toString(),
                "--json", "-");
        assertEquals(0, evaluated.exit(), evaluated.err());
        assertTrue(evaluated.out().contains("macro_f1"), evaluated.out());
    }

    @Test
    void optionsOfTheOtherModeAreRefusedNotIgnored() {
        CliTest.Result a = CliTest.run("train", "--fine-tune", "--pair", "--data", "x.csv", "--out", "m.zip");
        assertEquals(2, a.exit());
        assertTrue(a.err().contains("--pair applies only without --fine-tune"), a.err());
        CliTest.Result b = CliTest.run("train", "--trainable-layers", "3", "--data", "x.csv", "--out", "m.zip");
        assertEquals(2, b.exit());
        assertTrue(b.err().contains("--trainable-layers applies only with --fine-tune"), b.err());
        CliTest.Result c = CliTest.run("train", "--fine-tune", "--trainable-layers", "7", "--data",
                "training-data/stance-dev.csv", "--out", "m.zip");
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("--trainable-layers"), c.err());
        CliTest.Result d = CliTest.run("train", "--fine-tune", "--encoder", "bert-base", "--data",
                "training-data/stance-dev.csv", "--out", "m.zip");
        assertEquals(2, d.exit());
        assertTrue(d.err().contains("--encoder one of minilm-l6, bge-small, e5-small"), d.err());
        CliTest.Result e = CliTest.run("train", "--encoder", "bge-small", "--data", "x.csv", "--out", "m.zip");
        assertEquals(2, e.exit());
        assertTrue(e.err().contains("--encoder applies only with --fine-tune"), e.err());
        CliTest.Result f = CliTest.run("train", "--dyads", "training-data/dyads-dev.csv", "--data", "x.csv", "--out",
                "m.zip");
        assertEquals(2, f.exit());
        assertTrue(f.err().contains("--dyads applies only with --fine-tune"), f.err());
        CliTest.Result g = CliTest.run("train", "--fine-tune", "--dyads", "training-data/dyads-dev.csv",
                "--dyad-loss-weight", "0", "--data", "training-data/stance-dev.csv", "--out", "m.zip");
        assertEquals(2, g.exit());
        assertTrue(g.err().contains("--dyad-loss-weight: the dyad loss weight must be above 0 and finite, got 0.0"), g.err());
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
