package io.newsstance.robustness;

import io.newsstance.io.AtomicFile;
import io.newsstance.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code score --out X} killed mid-run in a child JVM leaves no X and no half-written file under that name. What
 * may remain after SIGKILL is one hidden {@code .X.PID-*.tmp} (nothing can run on SIGKILL), which the next write
 * to X removes once it is old enough; after SIGTERM (or Ctrl-C) not even that.
 */
class AtomicOutputTest {

    /** An input that takes the child well over ten seconds to score. */
    private static Path feed(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            articles.add(Map.of("id", "a" + i, "text", "Seoul condemned the launch on day " + i + ". Tokyo agreed with "
                    + "Seoul. Pyongyang said the test was a success."));
        }
        articles.forEach(a -> lines.add(Json.line(a)));
        return Files.write(dir.resolve("feed.jsonl"), lines);
    }

    /** Starts {@code score --out out feed} in a child JVM and returns once it has scored its first chunk. */
    private static Process startScoring(Path feed, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.newsstance.cli.NewsstanceCommand", "score", "--format", "jsonl", "--threads", "2", "--out",
                out.toString(), feed.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        CountDownLatch scoring = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.startsWith("scored ") && line.contains("articles/s")) { // the progress line of a chunk
                        scoring.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        }, "child-stderr");
        reader.setDaemon(true);
        reader.start();
        boolean started = scoring.await(150, TimeUnit.SECONDS);
        if (!started) {
            p.destroyForcibly();
        }
        synchronized (log) {
            assertTrue(started, "the child never reported scoring a chunk:\n" + log);
        }
        assertTrue(p.isAlive(), "the child finished before it could be killed; give it more input");
        return p;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sigkillMidRunLeavesNoOutputAndAtMostAHiddenTempFileThatTheNextWriteRemoves(@TempDir Path dir)
            throws Exception {
        Path feed = feed(dir);
        Path out = dir.resolve("scores.jsonl");
        Process p = startScoring(feed, out);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertFalse(Files.exists(out), "no output under the final name");
        List<String> left = new ArrayList<>(names(dir));
        left.remove("feed.jsonl");
        String tempPattern = "\\.scores\\.jsonl\\." + p.pid() + "-\\d+\\.tmp";
        assertTrue(left.size() <= 1 && left.stream().allMatch(n -> n.matches(tempPattern)),
                "only the killed run's hidden temp file may remain: " + left);

        // A later write to the same name removes the dead run's leftover once it is an hour old.
        for (String n : left) {
            Files.setLastModifiedTime(dir.resolve(n), FileTime.from(Instant.now().minus(AtomicFile.LEFTOVER_AGE)
                    .minusSeconds(60)));
        }
        AtomicFile.write(out, os -> os.write("done\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("feed.jsonl", "scores.jsonl"), names(dir));
        assertEquals("done\n", Files.readString(out));
    }

    @Test
    void sigtermMidRunLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path feed = feed(dir);
        Path out = dir.resolve("scores.jsonl");
        Process p = startScoring(feed, out);
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("feed.jsonl"), names(dir), "no output and no temp file");
    }
}
