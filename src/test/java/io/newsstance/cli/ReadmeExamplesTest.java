package io.newsstance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's worked example cannot go stale: every {@code newsstance …} command of that section is run on the
 * shipped default model, on the example text the section shows, and its output must be what the README prints.
 */
class ReadmeExamplesTest {

    private static final String START = "A worked example, on the shipped default model";

    private static String block(String text, int from, String fence) {
        int start = text.indexOf(fence, from);
        return start < 0 ? null : text.substring(start + fence.length(), text.indexOf("```", start + fence.length()));
    }

    @Test
    void everyWorkedExampleOfTheReadmePrintsWhatTheReadmeShows(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(START);
        assertTrue(section >= 0, "README has the worked example");
        java.util.regex.Matcher heading = java.util.regex.Pattern.compile("\n#{2,} ").matcher(readme);
        int end = heading.find(section) ? heading.start() : -1;
        String text = readme.substring(section, end < 0 ? readme.length() : end);
        Path example = dir.resolve("example.txt");
        Files.writeString(example, block(text, 0, "```text\n"));

        List<String> commands = new ArrayList<>();
        int at = 0;
        while ((at = text.indexOf("```bash\n", at)) >= 0) {
            String command = block(text, at, "```bash\n").strip();
            int json = text.indexOf("```json\n", at);
            String expected = block(text, json, "```json\n");
            assertTrue(command.startsWith("newsstance "), command);
            String[] args = Arrays.stream(command.substring("newsstance ".length()).split(" +"))
                    .map(a -> a.equals("example.txt") ? example.toString() : a).toArray(String[]::new);
            CliTest.Result r = CliTest.run(args);
            assertEquals(0, r.exit(), r.err());
            assertEquals(expected, r.out(), "README's output of `" + command + "` is stale");
            commands.add(command);
            at = json;
        }
        assertEquals(3, commands.size(), "the section's commands: " + commands);
    }
}
