package io.newsstance.robustness;

import io.newsstance.cli.NewsstanceCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh JVM, as a user runs it: {@code score} prints no library INFO lines on stderr (ND4J, DJL, ONNX Runtime
 * log a dozen on every start), and {@code --verbose} brings them back.
 */
class QuietLoggingTest {

    private static List<String> stderr(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NewsstanceCommand.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command finished");
        assertEquals(0, p.exitValue(), Files.readString(err));
        return Files.readAllLines(err, StandardCharsets.UTF_8);
    }

    @Test
    void scoreLogsNoLibraryInfoLinesUnlessVerbose(@TempDir Path dir) throws Exception {
        Path article = dir.resolve("a.txt");
        Files.writeString(article, "Seoul condemned Pyongyang's missile launch on Tuesday.\n");
        List<String> quiet = stderr(dir, "score", article.toString());
        assertEquals(1, quiet.size(), "only the counts line: " + quiet);
        assertTrue(quiet.get(0).matches("read 1, scored 1, rejected 0; 1 sentence in \\d+\\.\\d s \\(\\d+\\.\\d sentences/s\\)"),
                quiet.get(0));
        List<String> verbose = stderr(dir, "score", "--verbose", article.toString());
        assertTrue(verbose.stream().anyMatch(l -> l.startsWith("INFO ")), "--verbose shows INFO lines: " + verbose
                + " (classpath " + System.getProperty("java.class.path").split(File.pathSeparator).length + " entries)");
    }
}
