package io.newsstance.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.Article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One of the {@link ArticleReader}s. */
final class JsonlReader extends ArticleReader {
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
