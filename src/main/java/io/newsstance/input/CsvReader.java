package io.newsstance.input;

import io.newsstance.api.Article;
import io.newsstance.io.CsvTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One of the {@link ArticleReader}s. */
final class CsvReader extends ArticleReader {
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
