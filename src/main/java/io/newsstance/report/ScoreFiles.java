package io.newsstance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.BadInputException;
import io.newsstance.io.CsvTable;
import io.newsstance.io.Json;
import io.newsstance.io.TextFiles;
import io.newsstance.output.ResultRows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads {@code score} output and Spark job output directories into {@link ScoreRecord}s. The format (JSON Lines or
 * CSV) comes from the first line, the level from the first record's fields (JSON) or the header (CSV), so the user
 * names files, not formats. Every bad line is collected as "file:line: reason" and reading goes on, so one run
 * lists all the problems; {@link #read} then throws them together, before anything is written.
 */
public final class ScoreFiles {

    /** What was read from one file. */
    public record Input(String file, String format, ScoreRecord.Level level, long records) {
    }

    /** Problems listed before the rest are only counted. */
    static final int MAX_PROBLEMS = 20;

    private final List<String> problems = new ArrayList<>();
    private long moreProblems;

    private ScoreFiles() {
    }

    /**
     * Reads every input (a file, a directory of score files, or a Spark job's output directory) and hands each
     * record to {@code sink}; returns what each file held. Throws {@link BadInputException} listing the problems.
     */
    public static List<Input> read(List<Path> inputs, Consumer<ScoreRecord> sink) {
        ScoreFiles reader = new ScoreFiles();
        List<Input> read = new ArrayList<>();
        for (Path p : inputs) {
            for (Path f : reader.expand(p)) {
                Input in = reader.readFile(f, sink, !p.equals(f));
                if (in != null) {
                    read.add(in);
                }
            }
        }
        if (!reader.problems.isEmpty()) {
            List<String> all = new ArrayList<>(reader.problems);
            if (reader.moreProblems > 0) {
                all.add("… and " + reader.moreProblems + " more problems");
            }
            throw new BadInputException(all);
        }
        return read;
    }

    private void problem(String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        } else {
            moreProblems++;
        }
    }

    /**
     * The files behind one input. A Spark output directory gives its {@code sentences/} part files (every mention
     * with its sentence; {@code mentions/} and {@code actor_daily/} hold the same mentions again and are not read),
     * its {@code dyads/} part files (every dyad with the offsets of both ends; {@code dyad_daily/} holds the same
     * dyads again and is not read) and its {@code articles/} part files (URLs and titles); another directory gives
     * its score files.
     */
    private List<Path> expand(Path input) {
        if (!Files.exists(input)) {
            problem(input + ": no such file or directory");
            return List.of();
        }
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        boolean job = Files.isDirectory(input.resolve("sentences")) || Files.isDirectory(input.resolve("mentions"))
                || Files.isDirectory(input.resolve("dyads"));
        List<Path> files = new ArrayList<>();
        if (job) {
            String rows = Files.isDirectory(input.resolve("sentences")) ? "sentences" : "mentions";
            for (String sub : List.of(rows, "dyads", "articles")) {
                List<Path> parts = list(input.resolve(sub), n -> n.startsWith("part-"));
                if (parts.stream().anyMatch(f -> f.getFileName().toString().contains(".parquet"))) {
                    problem(input.resolve(sub) + ": Parquet part files; the report reads the job's JSON Lines output "
                            + "(run the job with --output-format jsonl), as the CLI ships without Spark's Parquet reader");
                    return List.of();
                }
                files.addAll(parts);
            }
        } else {
            files.addAll(list(input, n -> n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".csv")));
        }
        if (files.isEmpty()) {
            problem(input + ": no score files in this directory (.jsonl, .json, .csv, or a Spark job's output)");
        }
        return files;
    }

    private List<Path> list(Path dir, java.util.function.Predicate<String> name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".") && name.test(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            problem(dir + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private Input readFile(Path file, Consumer<ScoreRecord> sink, boolean partOfDirectory) {
        String first;
        try (BufferedReader r = utf8(file)) {
            first = firstNonBlank(r);
        } catch (IOException e) {
            problem(file + ": cannot read: " + e.getMessage());
            return null;
        }
        if (first == null) {
            if (!partOfDirectory) {  // Spark writes empty part files for empty partitions
                problem(file + ": empty file (expected score output: JSON Lines or CSV)");
            }
            return null;
        }
        return first.stripLeading().startsWith("{") ? readJsonl(file, sink) : readCsv(file, sink);
    }

    private static BufferedReader utf8(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static String firstNonBlank(BufferedReader r) throws IOException {
        for (String line; (line = r.readLine()) != null; ) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private Input readJsonl(Path file, Consumer<ScoreRecord> sink) {
        ScoreRecord.Level level = null;
        long n = 0;
        long lineNo = 0;
        try (BufferedReader r = utf8(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + lineNo;
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    problem(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
                    continue;
                }
                if (node == null || !node.isObject()) {
                    problem(where + ": not a JSON object");
                    continue;
                }
                ScoreRecord.Level l = ScoreFields.levelOf(node);
                if (l == null) {
                    problem(where + ": not a score record (expected the fields of score --level mention, sentence, "
                            + "article or dyad: " + String.join(",", ResultRows.MENTION_FIELDS) + " or …)");
                    continue;
                }
                if (level == null) {
                    level = l;
                } else if (l != level) {
                    problem(where + ": a " + name(l) + " record in a file of " + name(level) + " records");
                    continue;
                }
                try {
                    sink.accept(ScoreFields.json(node, l, where));
                    n++;
                } catch (BadInputException e) {
                    e.problems().forEach(this::problem);
                }
            }
        } catch (CharacterCodingException e) {
            problem(file + ":" + (lineNo + 1) + ": invalid UTF-8 (is the file in another encoding?)");
        } catch (IOException e) {
            problem(file + ": cannot read: " + e.getMessage());
        }
        return level == null ? null : new Input(file.toString(), "jsonl", level, n);
    }

    private Input readCsv(Path file, Consumer<ScoreRecord> sink) {
        CsvTable table;
        ScoreRecord.Level level;
        try {
            String content = TextFiles.readUtf8(file);
            String header = content.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            level = ScoreFields.levelOfCsvHeader(header);
            if (level == null) {
                problem(file + ":1: not score output: the first line is neither a JSON object nor the CSV header of "
                        + "score --level mention, sentence, article or dyad");
                return null;
            }
            Set<String> columns = new HashSet<>(ScoreFields.csvHeader(level));
            Set<String> optional = columns.remove("dyads") ? Set.of("dyads") : Set.of();
            table = CsvTable.parse(file.toString(), content, columns, optional);
        } catch (BadInputException e) {
            e.problems().forEach(this::problem);
            return null;
        }
        long n = 0;
        ScoreFields.ArticleRows articles = new ScoreFields.ArticleRows();
        for (CsvTable.Row row : table.rows()) {
            String bad = table.fieldCountProblem(row);
            if (bad != null) {
                problem(bad);
                continue;
            }
            try {
                if (level == ScoreRecord.Level.ARTICLE) {
                    ScoreRecord.Article done = articles.add(row);
                    if (done != null) {
                        sink.accept(done);
                        n++;
                    }
                } else {
                    sink.accept(ScoreFields.csv(row, level));
                    n++;
                }
            } catch (BadInputException e) {
                e.problems().forEach(this::problem);
            }
        }
        ScoreRecord.Article last = articles.finish();
        if (last != null) {
            sink.accept(last);
            n++;
        }
        if (table.fatal() != null) {
            problem(table.fatal());
        }
        return new Input(file.toString(), "csv", level, n);
    }

    static String name(ScoreRecord.Level l) {
        return l.name().toLowerCase(Locale.ROOT);
    }
}
