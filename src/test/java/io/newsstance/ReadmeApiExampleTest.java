package io.newsstance;

import org.junit.jupiter.api.Test;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java API example compiles with exactly the imports it shows (two: the entry point and the api
 * package), against the classes of this build.
 */
class ReadmeApiExampleTest {

    @Test
    void theReadmeApiExampleCompilesWithTheImportsItShows() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Java API");
        assertTrue(section >= 0, "README has a Java API section");
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("```", start + 8);
        String example = readme.substring(start + 8, end);

        List<String> imports = example.lines().filter(l -> l.startsWith("import ")).toList();
        assertEquals(List.of("import io.newsstance.StanceClassifier;", "import io.newsstance.api.*;"), imports);
        String body = example.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
        // The example's free variables: an article's text and a list of articles.
        String source = String.join("\n", imports) + "\n\nclass ReadmeExample {\n"
                + "    static void run(String articleText, java.util.List<io.newsstance.api.Article> articles) {\n"
                + body + "\n    }\n}\n";

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-example");
        String classPath = Paths.get(StanceClassifier.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator + System.getProperty("java.class.path");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///ReadmeExample.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = new ArrayList<>(List.of("-classpath", classPath, "-d", out.toString(), "-proc:none"));
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
            assertTrue(ok, "the README example does not compile:\n" + diagnostics.getDiagnostics().stream()
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null)).collect(Collectors.joining("\n"))
                    + "\n" + source);
        }
        assertTrue(Files.exists(out.resolve("ReadmeExample.class")));
    }
}
