package io.newsstance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.BadInputException;
import io.newsstance.io.CsvTable;
import io.newsstance.output.ResultRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The fields of {@code score}'s rows, read back: which level a record or CSV header is, and each row as a
 * {@link ScoreRecord}. The field names come from {@link ResultRows}, the one definition of the rows, so a renamed
 * field breaks this reader at compile or test time rather than silently.
 */
final class ScoreFields {

    private ScoreFields() {
    }

    /** The level of a JSON record, from fields only that level has; null if it is no score record. */
    static ScoreRecord.Level levelOf(JsonNode n) {
        if (n.has("source_actor") && n.has("target_actor") && n.has("article_id")) {
            return ScoreRecord.Level.DYAD;
        }
        if (n.has("alias_kind") && n.has("actor") && n.has("article_id")) {
            return ScoreRecord.Level.MENTION;
        }
        if (n.has("mentions") && n.has("sentence_index") && n.has("article_id")) {
            return ScoreRecord.Level.SENTENCE;
        }
        if (n.has("actors") && n.has("id")) {
            return ScoreRecord.Level.ARTICLE;
        }
        return null;
    }

    /** The CSV header {@code score} writes at {@code level} (an article row per actor: the actor's columns appended). */
    static List<String> csvHeader(ScoreRecord.Level level) {
        return switch (level) {
            case MENTION -> ResultRows.MENTION_FIELDS;
            case SENTENCE -> ResultRows.SENTENCE_FIELDS;
            case DYAD -> ResultRows.DYAD_FIELDS;
            case ARTICLE -> {   // an article's dyad table is not in its CSV (score writes it in JSON Lines only)
                List<String> h = new ArrayList<>(ResultRows.ARTICLE_FIELDS);
                h.remove("actors");
                h.remove("dyads");
                h.addAll(ResultRows.ACTOR_FIELDS);
                yield h;
            }
        };
    }

    /**
     * The level whose CSV header is {@code line} (columns in any order), or null. A sentence header without the
     * {@code dyads} column (output older than dyads) is a sentence header.
     */
    static ScoreRecord.Level levelOfCsvHeader(String line) {
        HashSet<String> cols = new HashSet<>();
        Arrays.stream(line.split(",")).map(c -> c.strip().replace("\"", "").toLowerCase(Locale.ROOT)).forEach(cols::add);
        for (ScoreRecord.Level l : ScoreRecord.Level.values()) {
            HashSet<String> expected = new HashSet<>(csvHeader(l));
            if (cols.equals(expected)) {
                return l;
            }
            expected.remove("dyads");
            if (l == ScoreRecord.Level.SENTENCE && cols.equals(expected)) {
                return l;
            }
        }
        return null;
    }

    /** A JSON record of a known level. */
    static ScoreRecord json(JsonNode n, ScoreRecord.Level level, String where) {
        return switch (level) {
            case MENTION -> new ScoreRecord.Sentence(str(n, "article_id", where), str(n, "date", where),
                    str(n, "source", where), integer(n, "sentence_index", where), 0, null,
                    List.of(mention(n, where)), List.of(), where);
            case SENTENCE -> {
                JsonNode ms = n.get("mentions");
                if (ms == null || !ms.isArray()) {
                    throw new BadInputException(where + ": field 'mentions' is not a list");
                }
                List<ScoreRecord.Mention> mentions = new ArrayList<>(ms.size());
                ms.forEach(m -> mentions.add(mention(m, where)));
                yield new ScoreRecord.Sentence(str(n, "article_id", where), str(n, "date", where),
                        str(n, "source", where), integer(n, "sentence_index", where), integer(n, "start", where),
                        str(n, "text", where), mentions, DyadFields.sentenceDyads(n, where), where);
            }
            case ARTICLE -> {
                JsonNode as = n.get("actors");
                if (as == null || !as.isArray()) {
                    throw new BadInputException(where + ": field 'actors' is not a list");
                }
                List<ScoreRecord.ActorSummary> actors = new ArrayList<>(as.size());
                as.forEach(a -> actors.add(new ScoreRecord.ActorSummary(str(a, "actor", where), str(a, "name", where),
                        integer(a, "mentions", where), integer(a, "negative", where), integer(a, "neutral", where),
                        integer(a, "positive", where), number(a, "mean_score", where))));
                yield new ScoreRecord.Article(str(n, "id", where), str(n, "title", where), str(n, "date", where),
                        str(n, "source", where), str(n, "url", where), actors, DyadFields.articleDyads(n, where), where);
            }
            case DYAD -> DyadFields.json(n, where);
        };
    }

    private static ScoreRecord.Mention mention(JsonNode m, String where) {
        return new ScoreRecord.Mention(str(m, "actor", where), integer(m, "start", where), integer(m, "end", where),
                str(m, "text", where), str(m, "stance", where), number(m, "score", where));
    }

    /** A string field; null and absent optional text fields read as "". */
    static String str(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (field.equals("actor") || field.equals("article_id") || field.equals("id")
                    || field.equals("source_actor") || field.equals("target_actor")) {
                throw new BadInputException(where + ": field '" + field + "' is missing");
            }
            return "";
        }
        if (!v.isValueNode()) {
            throw new BadInputException(where + ": field '" + field + "' is not a string");
        }
        return v.asText();
    }

    static int integer(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadInputException(where + ": field '" + field + "' is " + (v == null ? "missing" : "not an integer"
                    + " (" + v + ")"));
        }
        return v.intValue();
    }

    static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new BadInputException(where + ": field '" + field + "' is " + (v == null ? "missing" : "not a number"
                    + " (" + v + ")"));
        }
        return v.doubleValue();
    }

    /**
     * A CSV mention, sentence or dyad row. A CSV sentence row names its mentions without offsets
     * (ACTOR:stance:score) and its dyads as SOURCE>TARGET:stance:score.
     */
    static ScoreRecord csv(CsvTable.Row r, ScoreRecord.Level level) {
        String where = r.where();
        if (level == ScoreRecord.Level.DYAD) {
            return DyadFields.csv(r);
        }
        if (level == ScoreRecord.Level.MENTION) {
            return new ScoreRecord.Sentence(required(r, "article_id"), r.get("date"), r.get("source"),
                    integer(r, "sentence_index"), 0, null, List.of(new ScoreRecord.Mention(required(r, "actor"),
                    integer(r, "start"), integer(r, "end"), r.get("text"), r.get("stance"), number(r, "score"))), List.of(), where);
        }
        List<ScoreRecord.Mention> mentions = new ArrayList<>();
        String joined = r.get("mentions");
        for (String m : joined.isEmpty() ? new String[0] : joined.split("\\|")) {
            String[] p = m.split(":");
            if (p.length != 3) {
                throw new BadInputException(where + ": mention '" + m + "' is not ACTOR:stance:score");
            }
            mentions.add(new ScoreRecord.Mention(p[0], -1, -1, "", p[1], parse(p[2], "mentions", where)));
        }
        return new ScoreRecord.Sentence(required(r, "article_id"), r.get("date"), r.get("source"),
                integer(r, "sentence_index"), integer(r, "start"), r.get("text"), mentions,
                DyadFields.csvSentenceDyads(r.get("dyads"), where), where);
    }

    /** Groups article CSV rows (one per actor, consecutive) into one article record. */
    static final class ArticleRows {
        private CsvTable.Row first;
        private final List<ScoreRecord.ActorSummary> actors = new ArrayList<>();

        /** Adds a row; returns the previous article when this row starts another one. */
        ScoreRecord.Article add(CsvTable.Row r) {
            ScoreRecord.Article done = null;
            if (first != null && !first.get("id").equals(r.get("id"))) {
                done = finish();
            }
            if (first == null) {
                first = r;
                required(r, "id");
            }
            if (!r.get("actor").isEmpty()) {
                actors.add(new ScoreRecord.ActorSummary(r.get("actor"), r.get("name"), integer(r, "mentions"),
                        integer(r, "negative"), integer(r, "neutral"), integer(r, "positive"), number(r, "mean_score")));
            }
            return done;
        }

        ScoreRecord.Article finish() {
            if (first == null) {
                return null;
            }
            CsvTable.Row r = first;
            ScoreRecord.Article a = new ScoreRecord.Article(r.get("id"), r.get("title"), r.get("date"), r.get("source"),
                    r.get("url"), List.copyOf(actors), List.of(), r.where());
            first = null;
            actors.clear();
            return a;
        }
    }

    static String required(CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) {
            throw new BadInputException(r.where() + ": column '" + column + "' is empty");
        }
        return v;
    }

    static int integer(CsvTable.Row r, String column) {
        try {
            return Integer.parseInt(r.get(column).strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(r.where() + ": column '" + column + "' is not an integer ('" + r.get(column)
                    + "')");
        }
    }

    static double number(CsvTable.Row r, String column) {
        return parse(r.get(column), column, r.where());
    }

    static double parse(String s, String column, String where) {
        try {
            double d = Double.parseDouble(s.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(where + ": " + column + " '" + s + "' is not a number");
    }
}
