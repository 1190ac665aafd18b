package io.newsstance.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstance.BadInputException;
import io.newsstance.io.CsvTable;
import io.newsstance.io.TextFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Streams the article records of one input (a file or standard input) without loading it whole: JSON Lines
 * and CSV are read record by record. Every record comes out as {@link ArticleRecord.Read} or
 * {@link ArticleRecord.Rejected}, never lost; a problem that makes the rest of the input unreadable (invalid
 * UTF-8, an unclosed CSV quote) yields one rejection for the rest, named by its line.
 */
public abstract class ArticleReader implements Iterator<ArticleRecord>, Closeable {

    static final Set<String> COLUMNS = Set.of("id", "title", "text", "date", "source", "url");
    /**
     * The longest article text read, in characters (about 150,000 words; a long feature is a tenth of that). A
     * longer record is rejected rather than scored for minutes: it is usually a whole feed or a dump in one
     * record. A .txt file over three bytes per allowed character is rejected without being read.
     */
    public static final int MAX_ARTICLE_CHARS = ArticleTextRule.MAX_ARTICLE_CHARS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleRecord next;
    private boolean done;

    /** Opens {@code file} in the format its extension says. */
    public static ArticleReader open(Path file) {
        ArticleFormat format = ArticleFormat.of(file).orElseThrow(() -> new BadInputException(
                file + ": unknown article format (expected .txt, .jsonl or .csv)"));
        return open(file, format);
    }

    public static ArticleReader open(Path file, ArticleFormat format) {
        if (format == ArticleFormat.TXT) {
            return new TxtReader(file);
        }
        try {
            return open(Files.newInputStream(file), file.toString(), format);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads a stream (e.g. standard input) named {@code name} in messages. A TXT stream is one article. */
    public static ArticleReader open(InputStream in, String name, ArticleFormat format) {
        return switch (format) {
            case JSONL -> new JsonlReader(in, name);
            case CSV -> new CsvReader(in, name);
            case TXT -> new TxtStreamReader(in, name);
        };
    }

    /** The next record, or null at the end. */
    protected abstract ArticleRecord read() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = read();
            } catch (IOException e) {
                next = new ArticleRecord.Rejected(location(), unreadable(e));
                done = true;
                return true;
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final ArticleRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ArticleRecord r = next;
        next = null;
        return r;
    }

    /** Where reading stands, for a rejection that ends the input. */
    protected abstract String location();

    private static String unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "invalid UTF-8; the rest of the input is skipped";
        }
        return "cannot read the rest of the input: " + e.getMessage();
    }

    static BufferedReader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }


    static String tooLong(long chars, String unit) {
        return ArticleTextRule.tooLong(chars, unit);
    }

    /** Title = first non-empty line; id = the file name. */
    static ArticleRecord txtArticle(String id, String content, String location) {
        if (content.indexOf('\0') >= 0) {
            return new ArticleRecord.Rejected(location, "NUL byte: this is not a text file");
        }
        Optional<String> problem = ArticleTextRule.problem(content);
        if (problem.isPresent()) {
            return new ArticleRecord.Rejected(location, problem.get());
        }
        String title = content.strip().lines().findFirst().orElse("").strip();
        return new ArticleRecord.Read(new Article(id, title, content, "", "", ""), location);
    }

    private static final class TxtReader extends ArticleReader {
        private final Path file;
        private boolean read;

        TxtReader(Path file) {
            this.file = file;
        }

        @Override
        protected ArticleRecord read() {
            if (read) {
                return null;
            }
            read = true;
            try {
                long size = Files.size(file);
                if (size > 3L * MAX_ARTICLE_CHARS) { // UTF-8 takes at most 3 bytes per Java char
                    return new ArticleRecord.Rejected(file.toString(), tooLong(size, "bytes"));
                }
            } catch (IOException e) {
                return new ArticleRecord.Rejected(file.toString(), "cannot read: " + e.getMessage());
            }
            try {
                String content = TextFiles.readUtf8(file);
                return txtArticle(file.getFileName().toString(), content, file.toString());
            } catch (BadInputException e) {
                String m = e.getMessage();
                return new ArticleRecord.Rejected(file.toString(), m.startsWith(file.toString() + ":")
                        ? m.substring(m.indexOf(": ", file.toString().length()) + 2) : m);
            }
        }

        @Override
        protected String location() {
            return file.toString();
        }

        @Override
        public void close() {
        }
    }

    private static final class TxtStreamReader extends ArticleReader {
        private final InputStream in;
        private final String name;
        private boolean read;

        TxtStreamReader(InputStream in, String name) {
            this.in = in;
            this.name = name;
        }

        @Override
        protected ArticleRecord read() throws IOException {
            if (read) {
                return null;
            }
            read = true;
            byte[] bytes = in.readNBytes(3 * MAX_ARTICLE_CHARS + 1);
            if (bytes.length > 3 * MAX_ARTICLE_CHARS) {
                return new ArticleRecord.Rejected(name, tooLong(bytes.length, "bytes or more"));
            }
            try {
                return txtArticle(name, TextFiles.decodeUtf8(bytes, name), name);
            } catch (BadInputException e) {
                return new ArticleRecord.Rejected(name, e.getMessage());
            }
        }

        @Override
        protected String location() {
            return name;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class JsonlReader extends ArticleReader {
        private final BufferedReader reader;
        private final String name;
        private long line;
        private boolean sawRecord;

        JsonlReader(InputStream in, String name) {
            this.reader = utf8(in);
            this.name = name;
        }

        @Override
        protected ArticleRecord read() throws IOException {
            String s;
            do {
                s = reader.readLine();
                line++;
                if (s == null) {
                    if (!sawRecord) {
                        sawRecord = true; // report the empty input once
                        return new ArticleRecord.Rejected(name, "empty input: no JSON lines");
                    }
                    return null;
                }
            } while (s.isBlank());
            sawRecord = true;
            String where = name + ":" + line;
            JsonNode node;
            try {
                node = JSON.readTree(s);
            } catch (IOException e) {
                return new ArticleRecord.Rejected(where, "not valid JSON: " + firstLine(e.getMessage()));
            }
            if (node == null || !node.isObject()) {
                return new ArticleRecord.Rejected(where, "expected a JSON object with a \"text\" field");
            }
            List<String> problems = new ArrayList<>();
            String text = field(node, "text", true, problems);
            String id = node.has("id") && node.get("id").isNumber() ? node.get("id").asText() : field(node, "id", false, problems);
            String title = field(node, "title", false, problems);
            String date = field(node, "date", false, problems);
            String source = field(node, "source", false, problems);
            String url = field(node, "url", false, problems);
            if (!problems.isEmpty()) {
                return new ArticleRecord.Rejected(where, String.join("; ", problems));
            }
            Optional<String> problem = ArticleTextRule.problem(text);
            if (problem.isPresent()) {
                return new ArticleRecord.Rejected(where, problem.get());
            }
            return new ArticleRecord.Read(new Article(id.isEmpty() ? where : id, title, text, date, source, url), where);
        }

        private static String field(JsonNode node, String name, boolean required, List<String> problems) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add("missing field \"" + name + "\"");
                }
                return "";
            }
            if (!v.isTextual()) {
                problems.add("field \"" + name + "\" must be a string, not " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                return "";
            }
            return v.asText();
        }

        @Override
        protected String location() {
            return name + ":" + (line + 1);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class CsvReader extends ArticleReader {
        private final String name;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private Map<String, Integer> columns;
        private String headerProblem;
        private long nextLine = 1;

        CsvReader(InputStream in, String name) {
            this.name = name;
            try {
                this.parser = CSVParser.parse(utf8(in), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.records = parser.iterator();
        }

        @Override
        protected ArticleRecord read() throws IOException {
            CSVRecord record;
            long line = parser.getCurrentLineNumber() + 1;
            try {
                if (!records.hasNext()) {
                    if (columns == null) {
                        columns = Map.of(); // report the empty input once
                        return new ArticleRecord.Rejected(name, "empty input: no header row (expected some of "
                                + "id,title,text,date,source,url)");
                    }
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException c) {
                    throw c;
                }
                throw new IOException("malformed CSV from line " + line + ": " + CsvTable.describe(e));
            }
            nextLine = parser.getCurrentLineNumber() + 1;
            String where = name + ":" + line;
            if (columns == null) {
                columns = readHeader(record, where);
                return headerProblem == null ? read() : new ArticleRecord.Rejected(where, headerProblem + "; no rows are read");
            }
            if (headerProblem != null) {
                return null;
            }
            if (record.size() != columns.size()) {
                return new ArticleRecord.Rejected(where, "has " + record.size() + " fields, the header has " + columns.size());
            }
            String text = get(record, "text");
            Optional<String> problem = ArticleTextRule.problem(text);
            if (problem.isPresent()) {
                return new ArticleRecord.Rejected(where, problem.get());
            }
            String id = get(record, "id");
            return new ArticleRecord.Read(new Article(id.isBlank() ? where : id, get(record, "title"), text,
                    get(record, "date"), get(record, "source"), get(record, "url")), where);
        }

        private Map<String, Integer> readHeader(CSVRecord header, String where) {
            Map<String, Integer> cols = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String c = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(c)) {
                    headerProblem = "unknown column '" + header.get(i) + "' (expected some of id,title,text,date,source,url)";
                } else {
                    cols.put(c, i);
                }
            }
            if (headerProblem == null && !cols.containsKey("text")) {
                headerProblem = "the header has no 'text' column";
            }
            if (headerProblem == null && cols.size() != header.size()) {
                headerProblem = "a column appears twice in the header";
            }
            if (headerProblem != null) {
                columns = Map.of();
            }
            return headerProblem == null ? cols : Map.of();
        }

        private String get(CSVRecord record, String column) {
            Integer i = columns.get(column);
            return i == null ? "" : record.get(i);
        }

        @Override
        protected String location() {
            return name + ":" + nextLine;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
