package io.newsstance.data;

import io.newsstance.api.BadInputException;
import io.newsstance.api.Polarity;
import io.newsstance.api.Span;
import io.newsstance.io.CsvTable;
import io.newsstance.io.TextFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads labelled dyads from the newsstance dyad CSV ({@code training-data/dyads-*.csv}, one ordered pair a row
 * with both spans) and from Park et al.'s directed-sentiment TSV ({@code sentence TAB p TAB q TAB label}, the
 * entities in square brackets; each record gives two dyads). Every record is checked; a bad one is reported as
 * "file:line: reason", not read.
 */
public final class DyadFileReader {

    public static final Set<String> REQUIRED = Set.of("sentence_id", "text", "source_start", "source_end",
            "target_start", "target_end", "stance");
    public static final Set<String> OPTIONAL = Set.of("dyad_id", "split", "source_mention", "source_actor",
            "target_mention", "target_actor");
    private static final Set<String> SPLITS = Set.of("train", "dev", "test");

    public DyadFile read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".tsv")) {
            throw new BadInputException(file + ": unknown dyad-file format (expected a dyad .csv or Park et al.'s .tsv)");
        }
        String content;
        try {
            content = TextFiles.readUtf8(file);
        } catch (BadInputException e) {
            return new DyadFile(file, List.of(), List.of(), e.problems(), 0);
        }
        return name.endsWith(".csv") ? readCsv(file, content) : readDirected(file, content);
    }

    /** Every file's dyads (and directed pairs); throws with the first problems if any file has one. */
    public List<DyadFile> readAll(List<Path> files) {
        List<DyadFile> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            DyadFile d = read(f);
            out.add(d);
            problems.addAll(d.problems());
        }
        FileProblems.throwIfAny(problems, "");
        return out;
    }

    DyadFile readCsv(Path file, String content) {
        CsvTable table;
        try {
            table = CsvTable.parse(file.toString(), content, REQUIRED, OPTIONAL);
        } catch (BadInputException e) {
            return new DyadFile(file, List.of(), List.of(), e.problems(), 0);
        }
        List<DyadExample> dyads = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String problem = table.fieldCountProblem(row);
            if (problem == null) {
                problem = csvRowProblem(row);
            }
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            Span source = span(row, "source");
            Span target = span(row, "target");
            String sentenceId = row.get("sentence_id").strip();
            String id = row.get("dyad_id").isBlank() ? sentenceId + "@" + source.start() + ">" + target.start()
                    : row.get("dyad_id").strip();
            String text = row.get("text");
            dyads.add(new DyadExample(id, sentenceId, text, source, target, actor(row, "source"),
                    actor(row, "target"), Polarity.parse(row.get("stance")).orElseThrow(),
                    row.get("split").strip(), row.where()));
        }
        if (table.fatal() != null) {
            problems.add(table.fatal());
        }
        return new DyadFile(file, dyads, List.of(), problems, table.rows().size() + (table.fatal() != null ? 1 : 0));
    }

    private static Span span(CsvTable.Row row, String which) {
        return new Span(Integer.parseInt(row.get(which + "_start").strip()),
                Integer.parseInt(row.get(which + "_end").strip()));
    }

    private static String actor(CsvTable.Row row, String which) {
        return row.get(which + "_actor").strip();
    }

    private static String csvRowProblem(CsvTable.Row row) {
        String sentence = TrainingDataReader.sentenceProblem(row);
        if (sentence != null) {
            return sentence;
        }
        String where = row.where() + ": ";
        String text = row.get("text");
        Span[] spans = new Span[2];
        String[] sides = {"source", "target"};
        for (int i = 0; i < 2; i++) {
            String side = sides[i];
            int start;
            int end;
            try {
                start = Integer.parseInt(row.get(side + "_start").strip());
                end = Integer.parseInt(row.get(side + "_end").strip());
            } catch (NumberFormatException e) {
                return where + side + "_start and " + side + "_end must be integers, got '" + row.get(side + "_start")
                        + "' and '" + row.get(side + "_end") + "'";
            }
            if (start < 0 || end <= start || end > text.length()) {
                return where + side + " span [" + start + ", " + end + ") is not inside the text (length "
                        + text.length() + ")";
            }
            String mention = row.get(side + "_mention");
            if (!mention.isEmpty() && !text.substring(start, end).equals(mention)) {
                return where + "text[" + start + ":" + end + "] is '" + text.substring(start, end) + "', not the "
                        + side + " mention '" + mention + "'";
            }
            spans[i] = new Span(start, end);
        }
        if (spans[0].overlaps(spans[1])) {
            return where + "the source span " + spans[0] + " and the target span " + spans[1] + " overlap";
        }
        if (!row.get("source_actor").isBlank() && row.get("source_actor").strip().equals(row.get("target_actor").strip())) {
            return where + "source and target are the same actor " + row.get("source_actor").strip();
        }
        if (Polarity.parse(row.get("stance")).isEmpty()) {
            return where + "stance '" + row.get("stance") + "' is not negative, neutral or positive";
        }
        String split = row.get("split").strip();
        if (!split.isEmpty() && !SPLITS.contains(split)) {
            return where + "split '" + split + "' is not train, dev or test";
        }
        return null;
    }

    DyadFile readDirected(Path file, String content) {
        List<DyadExample> dyads = new ArrayList<>();
        List<DirectedPair> pairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String split = splitOf(file);
        int records = 0;
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            records++;
            String where = file + ":" + lineNo;
            try {
                DirectedPair pair = directed(where, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                pairs.add(pair);
                dyads.addAll(pair.dyads(split));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return new DyadFile(file, dyads, pairs, problems, records);
    }

    /** train/dev/test from Park et al.'s file names (train, valid, test), else empty. */
    private static String splitOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith("train") ? "train" : name.startsWith("valid") || name.startsWith("dev") ? "dev"
                : name.startsWith("test") ? "test" : "";
    }

    /** One TSV record: the brackets removed, p and q located by their bracketed text. */
    static DirectedPair directed(String where, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("expected 4 tab-separated fields (sentence, p, q, label), got " + f.length);
        }
        int label;
        try {
            label = Integer.parseInt(f[3].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("label '" + f[3] + "' is not 0-4");
        }
        StringBuilder plain = new StringBuilder(f[0].length());
        List<Span> brackets = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < f[0].length(); i++) {
            char c = f[0].charAt(i);
            if (c == '[' && open < 0) {
                open = plain.length();
            } else if (c == ']' && open >= 0) {
                brackets.add(new Span(open, plain.length()));
                contents.add(plain.substring(open));
                open = -1;
            } else {
                plain.append(c);
            }
        }
        if (brackets.size() < 2) {
            throw new IllegalArgumentException("the sentence marks " + brackets.size() + " entities in brackets, "
                    + "expected 2");
        }
        String p = f[1].strip();
        String q = f[2].strip();
        int pi = contents.indexOf(p);
        int qi = -1;
        for (int i = 0; i < contents.size(); i++) {
            if (i != pi && contents.get(i).equals(q)) {
                qi = i;
                break;
            }
        }
        if (pi < 0 || qi < 0) {
            if (brackets.size() != 2) {
                throw new IllegalArgumentException("p '" + p + "' and q '" + q + "' are not among the bracketed "
                        + contents);
            }
            pi = 0; // the dataset's convention: p is the first bracket
            qi = 1;
        }
        Span ps = brackets.get(pi);
        Span qs = brackets.get(qi);
        if (ps.length() == 0 || qs.length() == 0 || ps.overlaps(qs)) {
            throw new IllegalArgumentException("the bracketed entities " + contents + " are empty or overlap");
        }
        return new DirectedPair(where, plain.toString(), ps, qs, label);
    }
}
