package io.newsstance.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.input.ArticleTextRule;
import io.newsstance.io.Json;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns raw input rows into {@link SparkSchemas#PARSED} rows with a reason for each bad record. The rule about an
 * article's text itself is {@link ArticleTextRule}, the one the CLI's readers and {@code score} apply.
 */
final class RecordValidation {

    private RecordValidation() {
    }

    /** A JSON Lines row: _file, _name, _block, value, _row, _json (struct with _corrupt_record). */
    static Row jsonl(Row r) {
        String line = r.getAs("value");
        long number = r.getAs("_row");
        String location = r.<String>getAs("_file") + ":" + number;
        String generatedId = r.<String>getAs("_name") + ":" + number;
        Row json = r.getAs("_json");
        JsonNode node = null;
        String parseError = null;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            parseError = firstLine(e.getMessage());
        }
        if (json == null || json.getAs(ArticleSource.CORRUPT) != null || node == null) {
            String reason = parseError != null ? "not valid JSON: " + parseError
                    : node != null && !node.isObject() ? "expected a JSON object with a \"text\" field"
                    : "not valid JSON (Spark's JSON reader cannot parse this line)";
            return reject(location, null, reason);
        }
        if (!node.isObject()) {
            return reject(location, null, "expected a JSON object with a \"text\" field");
        }
        List<String> problems = new ArrayList<>();
        for (String field : ArticleSource.ARTICLE_COLUMNS) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || v.isTextual() || (field.equals("id") && v.isNumber())) {
                continue;
            }
            problems.add("field \"" + field + "\" must be a string, not " + v.getNodeType().name()
                    .toLowerCase(Locale.ROOT));
        }
        String id = json.getAs("id");
        if (!problems.isEmpty()) {
            return reject(location, id, String.join("; ", problems));
        }
        if (line.indexOf('\uFFFD') >= 0) {
            return reject(location, id, "invalid UTF-8 (or a U+FFFD replacement character) in this line");
        }
        return article(location, generatedId, id, json.getAs("title"), json.getAs("text"), json.getAs("date"),
                json.getAs("source"), json.getAs("url"));
    }

    /** A CSV or Parquet row: _file, _name, _block, id, title, text, date, source, url, _corrupt_record, _row. */
    static Row columns(Row r, String format) {
        long number = r.getAs("_row");
        String location = r.<String>getAs("_file") + ":" + number;
        String generatedId = r.<String>getAs("_name") + ":" + number;
        String id = r.getAs("id");
        if (r.getAs(ArticleSource.CORRUPT) != null) {
            return reject(location, id, "malformed " + format + " record");
        }
        String text = r.getAs("text");
        if (text == null) {
            // CSV: Spark reads an empty field as null.
            return reject(location, id, format.equals("CSV") ? "empty text" : "text is null");
        }
        if (text != null && text.indexOf('\uFFFD') >= 0) {
            return reject(location, id, "invalid UTF-8 (or a U+FFFD replacement character) in \"text\"");
        }
        return article(location, generatedId, id, r.getAs("title"), text, r.getAs("date"), r.getAs("source"),
                r.getAs("url"));
    }

    private static Row article(String location, String generatedId, String id, String title, String text,
                               String date, String source, String url) {
        // The CLI's rule, not a copy of it (a copy here had lost the length limit).
        Optional<String> problem = ArticleTextRule.problem(text);
        if (problem.isPresent()) {
            return reject(location, id, problem.get());
        }
        String articleId = id == null || id.isBlank() ? generatedId : id;
        return new GenericRowWithSchema(new Object[]{location, articleId, nz(title), text, nz(date), nz(source),
                nz(url), null}, SparkSchemas.PARSED);
    }

    private static Row reject(String location, String id, String reason) {
        return new GenericRowWithSchema(new Object[]{location, id, null, null, null, null, null, reason},
                SparkSchemas.PARSED);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The first line of a message, stripped; "" for null. */
    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
