package io.newsstance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eval --swap}, {@code train --swap-augment} and the balance table of {@code data stats}, end to end. */
class SwapCommandTest {

    @TempDir
    Path dir;

    private Path devLines(int from, int to) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("training-data/stance-dev.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(from, to));
        Path file = dir.resolve("part-" + from + "-dev.csv");
        Files.write(file, out);
        return file;
    }

    @Test
    void evalSwapScoresThePairsAsWrittenAndSwappedWithTheShippedModel() throws Exception {
        Path data = devLines(1, 61);
        CliTest.Result json = CliTest.run("eval", "--swap", "--data", data.toString(), "--json", "-");
        assertEquals(0, json.exit(), json.err());
        JsonNode swap = Json.MAPPER.readTree(json.out().strip()).get("swap");
        int swapped = swap.get("swapped_pairs").asInt();
        assertTrue(swapped > 40 && swapped <= 60, "most of 60 pairs have a same-kind replacement: " + swapped);
        assertEquals(60, swapped + swap.get("unswappable_pairs").asInt(), "every pair counted once");
        double consistency = swap.get("consistency").asDouble();
        assertTrue(consistency > 0.5 && consistency <= 1.0, "consistency " + consistency);
        assertEquals(swapped, swap.get("swapped").get("n").asInt());

        CliTest.Result text = CliTest.run("eval", "--swap", "--data", data.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains(String.format(java.util.Locale.ROOT, "swap consistency %.4f", consistency)),
                "text and JSON agree: " + text.out());
    }

    @Test
    void trainSwapAugmentSwapsTrainingPairsAndRecordsItInTheCard() throws Exception {
        Path train = devLines(1, 81);
        Path dev = devLines(81, 111);
        Path model = dir.resolve("m.zip");
        io.newsstance.robustness.Cli.Result r = io.newsstance.robustness.Cli.run("train", "--swap-augment", "0.5",
                "--epochs", "2", "--hidden", "16", "--data", train.toString(), "--dev", dev.toString(),
                "--cache", dir.resolve("cache").toString(), "--out", model.toString());
        assertEquals(0, r.exit(), r.stderr());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("swap augmentation: (\\d+) of 80 training pairs")
                .matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        int swapped = Integer.parseInt(m.group(1));
        assertTrue(swapped > 20 && swapped < 60, "about half of 80: " + swapped);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            String card = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(card.contains("\"swap_augment\" : 0.5") || card.contains("\"swap_augment\":0.5"), card);
        }
        CliTest.Result bad = CliTest.run("train", "--swap-augment", "1.5", "--data", train.toString(), "--out",
                model.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--swap-augment must be in [0, 1]"), bad.err());
    }

    @Test
    void trainRepeatReadsAFileSeveralTimesEachCopyWithItsOwnSwapsAndRecordsIt() throws Exception {
        Path train = devLines(1, 81);
        Path other = devLines(81, 101);
        Path dev = devLines(101, 131);
        Path model = dir.resolve("m.zip");
        io.newsstance.robustness.Cli.Result r = io.newsstance.robustness.Cli.run("train", "--swap-augment", "0.5",
                "--epochs", "1", "--hidden", "16", "--data", train.toString(), other.toString(),
                "--repeat", train + "=3", "--dev", dev.toString(), "--cache", dir.resolve("cache").toString(),
                "--out", model.toString());
        assertEquals(0, r.exit(), r.stderr());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("swap augmentation: (\\d+) of 260 training pairs")
                .matcher(r.stderr());
        assertTrue(m.find(), "80 pairs read three times and 20 once: " + r.stderr());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            JsonNode card = Json.MAPPER.readTree(zip.getInputStream(zip.getEntry("model.json")));
            assertEquals(3, card.at("/card/notes/repeat").get(train.toString()).asInt(), card.toString());
        }

        CliTest.Result notData = CliTest.run("train", "--data", train.toString(), "--repeat", other + "=2",
                "--out", model.toString());
        assertEquals(2, notData.exit());
        assertTrue(notData.err().contains("--repeat " + other + ": not one of the --data files"), notData.err());
        CliTest.Result zero = CliTest.run("train", "--data", train.toString(), "--repeat", train + "=0",
                "--out", model.toString());
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("the count must be 1 or more, got 0"), zero.err());
    }

    @Test
    void dataStatsPrintsTheBalanceTableOfTheCorpus() {
        CliTest.Result r = CliTest.run("data", "stats", "training-data/stance-train.csv",
                "training-data/stance-dev.csv", "training-data/stance-test.csv");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("label balance of the 20 most frequent actors"), r.out());
        assertTrue(r.out().contains("balance floor met for all 20 actors") || r.out().contains("under the balance floor"),
                r.out());
    }
}
