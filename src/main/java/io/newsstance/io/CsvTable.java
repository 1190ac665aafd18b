package io.newsstance.io;

import io.newsstance.api.BadInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV file (RFC 4180, header row) read into rows that remember their line numbers, so every later error can
 * say "file:line: reason". Header names are matched case-insensitively; unknown columns are an error, so a typo
 * in a header never silently drops a column. A malformed row (an unclosed quote) ends reading with an error
 * naming the line where the bad record starts; the rows before it are kept in {@link #rows()} and the problem
 * in {@link #fatal()}.
 */
public final class CsvTable {

    /** One data row. {@code get} returns "" for absent optional columns. */
    public record Row(String file, long line, Map<String, String> values, int fieldCount) {
        public String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v;
        }

        public String where() {
            return file + ":" + line;
        }
    }

    private final String file;
    private final List<String> header;
    private final List<Row> rows;
    private final String fatal;

    private CsvTable(String file, List<String> header, List<Row> rows, String fatal) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.fatal = fatal;
    }

    /**
     * Parses {@code content}. Throws {@link BadInputException} if the header lacks a required column or names an
     * unknown one; row-level problems are left to the caller, except a malformed record (see {@link #fatal()}).
     */
    public static CsvTable parse(String file, String content, Set<String> required, Set<String> optional) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        String fatal = null;
        LineCounter lines = new LineCounter(content);
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    fatal = file + ":" + line + ": malformed CSV (" + describe(e) + ")";
                    break;
                }
                // Blank lines are skipped by the parser: the record starts on its first non-blank line.
                line = lines.lineOf(record.getCharacterPosition(), line);
                if (header == null) {
                    header = readHeader(file, line, record, required, optional);
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(new Row(file, line, values, record.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw new BadInputException(file + ": empty file (expected a header row with columns "
                    + String.join(",", required) + ")");
        }
        return new CsvTable(file, header, rows, fatal);
    }

    /** Maps increasing character positions to 1-based line numbers in one pass over the content. */
    private static final class LineCounter {
        private final String content;
        private int pos;
        private long line = 1;

        LineCounter(String content) {
            this.content = content;
        }

        long lineOf(long position, long fallback) {
            if (position < pos || position > content.length()) {
                return fallback;
            }
            for (; pos < position; pos++) {
                if (content.charAt(pos) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static List<String> readHeader(String file, long line, CSVRecord record, Set<String> required,
                                           Set<String> optional) {
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String raw : record) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(file + ":" + line + ": unknown column '" + raw + "' (expected "
                        + String.join(",", union(required, optional)) + ")");
            } else if (names.contains(name)) {
                problems.add(file + ":" + line + ": column '" + raw + "' appears twice");
            }
            names.add(name);
        }
        for (String r : required) {
            if (!names.contains(r)) {
                problems.add(file + ":" + line + ": missing required column '" + r + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return names;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(all::add);
        return all;
    }

    private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

    /**
     * What a commons-csv parse error means, in one line and without exception class names: "a quoted field is
     * never closed", "unbalanced quotes: …", else the parser's own first line.
     */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) { // UncheckedIOException(CSVException): the cause has the parser's words
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is never closed";
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            Matcher at = AT_LINE.matcher(m);
            return "unbalanced quotes: a quoted field is followed by more text instead of a comma"
                    + (at.find() ? " on line " + at.group(1) : "") + " (a quote inside a field must be doubled)";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** A problem that stopped reading before the end of the file (malformed CSV), or null. */
    public String fatal() {
        return fatal;
    }

    /** "file:line: has N fields, header has M" for a row with the wrong number of fields, else null. */
    public String fieldCountProblem(Row row) {
        return row.fieldCount() == header.size() ? null
                : row.where() + ": has " + row.fieldCount() + " fields, the header has " + header.size();
    }
}
