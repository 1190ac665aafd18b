package io.newsstance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout rules of the house, read from the sources: packages import no package that imports them back
 * (directly or round a longer loop), the API's value package imports no other newsstance package, and no class
 * file is over 400 lines.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/newsstance");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.newsstance(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher p = PACKAGE.matcher(src);
                assertTrue(p.find(), f + " has a package");
                Set<String> out = graph.computeIfAbsent(p.group(1), k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    if (!m.group(1).equals(p.group(1))) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    @Test
    void noPackageReachesItselfThroughItsImports() throws IOException {
        Map<String, Set<String>> graph = imports();
        List<String> loops = new ArrayList<>();
        for (String start : graph.keySet()) {
            // Depth-first from each package's imports; reaching the start again is a loop.
            List<String> stack = new ArrayList<>(graph.get(start));
            Set<String> seen = new TreeSet<>();
            while (!stack.isEmpty()) {
                String p = stack.remove(stack.size() - 1);
                if (p.equals(start)) {
                    loops.add(start);
                    break;
                }
                if (seen.add(p)) {
                    stack.addAll(graph.getOrDefault(p, Set.of()));
                }
            }
        }
        assertEquals(List.of(), loops, "packages that import themselves back: " + graph);
    }

    @Test
    void theApiValuesImportNoOtherNewsstancePackage() throws IOException {
        assertEquals(Set.of(), imports().get("io.newsstance.api"));
    }

    @Test
    void noClassFileIsOver400Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > 400) {
                    long_.add(f + " (" + lines + " lines)");
                }
            }
        }
        assertEquals(List.of(), long_);
    }
}
