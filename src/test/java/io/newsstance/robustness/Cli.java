package io.newsstance.robustness;

import io.newsstance.cli.NewsstanceCommand;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real command line in-process, with its output and everything written to stderr captured. */
public final class Cli {

    /**
     * @param exit    the exit code
     * @param out     what the command printed to its output
     * @param err     what the command printed to its error stream (problems, the closing counts line)
     * @param console the process's stderr meanwhile (progress lines, library logging)
     */
    public record Result(int exit, String out, String err, String console) {

        /** Everything a user would see on stderr. */
        public String stderr() {
            return err + console;
        }

        /** No stack trace and no exception class name reached the user; exit code is not 3 (internal error). */
        public void assertNoCrash() {
            assertTrue(exit != NewsstanceCommand.EXIT_INTERNAL, "internal error: " + stderr());
            assertFalse(stderr().contains("\tat "), "a stack trace: " + stderr());
            assertFalse(Pattern.compile("\\b\\w+(Exception|Error)\\b").matcher(stderr()).find(),
                    "an exception name: " + stderr());
        }

        /** The "read N, scored M, rejected K" line of score, checked to add up; returns {N, M, K}. */
        public long[] counts() {
            Matcher m = Pattern.compile("read (\\d+), scored (\\d+), rejected (\\d+)").matcher(stderr());
            assertTrue(m.find(), "no counts line: " + stderr());
            long[] c = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            assertEquals(c[0], c[1] + c[2], "read = scored + rejected: " + m.group());
            return c;
        }

        /** The lines the command printed as problems ("newsstance: …"). */
        public List<String> problems() {
            return err.lines().filter(l -> l.startsWith("newsstance: ")).toList();
        }
    }

    private Cli() {
    }

    public static synchronized Result run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // System.err first: picocli replaces the error writer set below if System.err changes after construction.
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = NewsstanceCommand.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute(args);
            return new Result(exit, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }
}
