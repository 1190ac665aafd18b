package io.newsstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the team's test-case files: "=== name", input lines, "---", expected lines, and optionally
 * "--- skipped" followed by texts that must not appear. Lines starting with '#' before the first case are
 * comments.
 */
public final class CaseFile {

    public record Case(String name, String input, List<String> expected, List<String> skipped) {
    }

    private CaseFile() {
    }

    public static List<Case> read(String resource) {
        String content;
        try (InputStream in = CaseFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<String> input = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int section = 0; // 0 input, 1 expected, 2 skipped
        for (String line : content.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (name != null) {
                    cases.add(new Case(name, String.join("\n", input), List.copyOf(expected), List.copyOf(skipped)));
                }
                name = line.substring(4).strip();
                input.clear();
                expected.clear();
                skipped.clear();
                section = 0;
            } else if (name == null) {
                continue; // header comments
            } else if (section == 0 && line.equals("---")) {
                section = 1;
            } else if (section == 1 && line.strip().equals("--- skipped")) {
                section = 2;
            } else if (section == 0) {
                input.add(line);
            } else if (!line.isBlank()) {
                (section == 1 ? expected : skipped).add(line.strip());
            }
        }
        if (name != null) {
            cases.add(new Case(name, String.join("\n", input), List.copyOf(expected), List.copyOf(skipped)));
        }
        return cases;
    }
}
