package io.newsstance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real command line in-process and checks output and exit codes. */
class CliTest {

    record Result(int exit, String out, String err) {
    }

    /** The command line run in-process (see {@link io.newsstance.robustness.Cli}), without its stderr capture. */
    static Result run(String... args) {
        io.newsstance.robustness.Cli.Result r = io.newsstance.robustness.Cli.run(args);
        return new Result(r.exit(), r.out(), r.err());
    }

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("actors") && help.out().contains("data"), help.out());
        Result version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("newsstance "), version.out());
    }

    /** Every command's help is formatted cleanly: a stray '%' in a description makes picocli print a warning. */
    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        picocli.CommandLine root = new picocli.CommandLine(new NewsstanceCommand());
        List<String> names = new java.util.ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            names.add(name);
            sub.getSubcommands().keySet().forEach(child -> names.add(name + " " + child));
        });
        assertTrue(names.contains("train-dyads") && names.size() > 8, names.toString());
        for (String name : names) {
            List<String> args = new java.util.ArrayList<>(List.of(name.split(" ")));
            args.add("--help");
            io.newsstance.robustness.Cli.Result help = io.newsstance.robustness.Cli.run(args.toArray(String[]::new));
            assertEquals(0, help.exit(), name);
            assertFalse(help.stderr().contains("WARN"), name + ": " + help.stderr());
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("--no-such-option").exit());
        assertEquals(2, run("actors", "--bogus").exit());
        assertEquals(2, run().exit());
    }

    @Test
    void actorsJsonPrintsOneObjectPerMention() throws Exception {
        String text = "Moscow and Pyongyang signed a pact. Washington objected; the U.S.-led coalition met.";
        Result r = run("actors", "--json", "--text", text);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("RUSSIA", first.get("actor").asText());
        assertEquals(0, first.get("sentence_index").asInt());
        assertEquals("seat", first.get("alias_kind").asText());
        for (String line : lines) {
            JsonNode m = Json.MAPPER.readTree(line);
            assertEquals(m.get("text").asText(), text.substring(m.get("start").asInt(), m.get("end").asInt()));
        }
        JsonNode last = Json.MAPPER.readTree(lines.get(3));
        assertEquals("U.S.", last.get("text").asText());
        assertEquals(1, last.get("sentence_index").asInt());
    }

    @Test
    void actorsListsTheDictionary() {
        Result r = run("actors");
        assertEquals(0, r.exit());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("DPRK ")), r.out());
        assertTrue(r.out().contains("69 actors"), r.out());
    }

    @Test
    void aBadActorsFileExitsWithOneAndNamesTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "actor,alias,alias_kind\nUSA,Capitol Hill,place\n");
        Result r = run("actors", "--actors", bad.toString(), "--text", "x");
        assertEquals(1, r.exit());
        assertEquals("newsstance: " + bad + ":2: alias_kind 'place' is not one of name, short_name, demonym, seat, "
                + "institution, leader, minister", r.err().strip());
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void unreadableInputsAreReportedAndExitWithOne(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, "Tehran rejected the IAEA report.");
        Result r = run("actors", ok.toString(), dir.resolve("missing.txt").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("IRAN") && r.out().contains("IAEA"), r.out());
        assertTrue(r.err().contains("missing.txt: no such file or directory"), r.err());
    }
}
