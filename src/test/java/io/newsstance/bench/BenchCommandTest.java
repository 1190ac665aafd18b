package io.newsstance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.cli.NewsstanceCommand;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code newsstance bench} at its smallest: every figure is there and plausible (no timing is asserted). */
class BenchCommandTest {

    @Test
    void benchPrintsOneJsonObjectWithEveryFigureAndTheMachine(@TempDir Path cache) throws Exception {
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)); // progress lines
        StringWriter out = new StringWriter();
        int exit;
        try {
            CommandLine cl = NewsstanceCommand.commandLine();
            cl.setOut(new PrintWriter(out));
            exit = cl.execute("bench", "--warmup", "0", "--iterations", "1", "--threads", "1", "--train-examples", "64",
                    "--cache", cache.toString(), "--compare", "models/frozen.zip", "--json");
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(0, exit, out.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size(), "one JSON object: " + out);
        JsonNode j = Json.MAPPER.readTree(lines.get(0));
        assertEquals(Runtime.getRuntime().availableProcessors(), j.at("/machine/cores").asInt());
        assertTrue(j.at("/machine/max_heap_mb").asLong() > 0, j.toString());
        assertTrue(j.at("/machine/java").asText().startsWith(String.valueOf(Runtime.version().feature())), j.toString());
        assertEquals(48, j.at("/scoring/articles").asInt(), "the sample articles");
        assertTrue(j.at("/scoring/sentences").asInt() > 48 && j.at("/scoring/mentions").asInt() > 0, j.toString());
        for (String figure : List.of("/scoring/sentences_per_s", "/scoring/mentions_per_s", "/vader/sentences_per_s",
                "/vader/speedup_over_newsstance", "/latency/short/p50_ms", "/latency/short/p95_ms",
                "/latency/long/p50_ms", "/latency/long/p95_ms", "/training/median_epoch_s", "/load/first_s",
                "/load/again_median_s", "/comparison/sentences_per_s", "/comparison/speedup",
                "/comparison/load/first_s")) {
            assertTrue(j.at(figure).asDouble() > 0, figure + " in " + j);
        }
        assertTrue(j.at("/latency/short/p50_ms").asDouble() <= j.at("/latency/short/p95_ms").asDouble());
        assertEquals(5.0, j.at("/latency/short/sentences").asDouble(), 0.5);
        assertEquals(60.0, j.at("/latency/long/sentences").asDouble(), 3.0);
        assertEquals(64, j.at("/training/examples").asInt());
        assertEquals("frozen.zip", j.at("/comparison/name").asText());
        assertEquals(j.at("/comparison/median_pass_s").asDouble() / j.at("/scoring/median_pass_s").asDouble(),
                j.at("/comparison/speedup").asDouble(), 0.01, "the speed-up is the ratio of the two passes");
        assertTrue(j.at("/heap/scoring/peak_heap_mb").asLong() > 0, j.toString());
    }
}
