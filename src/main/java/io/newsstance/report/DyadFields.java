package io.newsstance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.BadInputException;
import io.newsstance.io.CsvTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.newsstance.report.ScoreFields.integer;
import static io.newsstance.report.ScoreFields.number;
import static io.newsstance.report.ScoreFields.parse;
import static io.newsstance.report.ScoreFields.required;
import static io.newsstance.report.ScoreFields.str;

/**
 * The dyad fields of {@code score}'s rows, read back: a dyad row ({@code score --level dyad}, Spark's
 * {@code dyads/}), the dyads nested in a sentence row, and an article row's dyad table. Each dyad is checked (a
 * known stance, a score in [−1, 1], two different actors, offsets that make a span), so a bad one becomes a
 * "file:line: reason" problem rather than a silently wrong figure.
 */
final class DyadFields {

    private static final Set<String> STANCES = Set.of("negative", "neutral", "positive");

    private DyadFields() {
    }

    /** A JSON dyad row. */
    static ScoreRecord.Dyad json(JsonNode n, String where) {
        ScoreRecord.Dyad d = new ScoreRecord.Dyad(str(n, "article_id", where), str(n, "date", where),
                str(n, "source", where), integer(n, "sentence_index", where), str(n, "source_actor", where),
                integer(n, "source_start", where), integer(n, "source_end", where), str(n, "source_text", where),
                str(n, "target_actor", where), integer(n, "target_start", where), integer(n, "target_end", where),
                str(n, "target_text", where), str(n, "stance", where), number(n, "score", where), where);
        return checked(d);
    }

    /** A CSV dyad row ({@code score --level dyad --format csv}: the same columns). */
    static ScoreRecord.Dyad csv(CsvTable.Row r) {
        String where = r.where();
        return checked(new ScoreRecord.Dyad(required(r, "article_id"), r.get("date"), r.get("source"),
                integer(r, "sentence_index"), required(r, "source_actor"), integer(r, "source_start"),
                integer(r, "source_end"), r.get("source_text"), required(r, "target_actor"), integer(r, "target_start"),
                integer(r, "target_end"), r.get("target_text"), r.get("stance"), number(r, "score"), where));
    }

    private static ScoreRecord.Dyad checked(ScoreRecord.Dyad d) {
        check(d.sourceActor(), d.targetActor(), d.stance(), d.score(), d.where());
        if (d.sourceStart() < 0 || d.sourceEnd() <= d.sourceStart() || d.targetStart() < 0
                || d.targetEnd() <= d.targetStart()) {
            throw new BadInputException(d.where() + ": dyad offsets are not spans (source " + d.sourceStart() + "-"
                    + d.sourceEnd() + ", target " + d.targetStart() + "-" + d.targetEnd() + ")");
        }
        return d;
    }

    /** The dyads of a JSON sentence row; none when the row has no {@code dyads} field (output older than dyads). */
    static List<ScoreRecord.SentenceDyad> sentenceDyads(JsonNode n, String where) {
        JsonNode ds = n.get("dyads");
        if (ds == null || ds.isNull()) {
            return List.of();
        }
        if (!ds.isArray()) {
            throw new BadInputException(where + ": field 'dyads' is not a list");
        }
        List<ScoreRecord.SentenceDyad> out = new ArrayList<>(ds.size());
        for (JsonNode d : ds) {
            out.add(sentenceDyad(str(d, "source_actor", where), str(d, "target_actor", where), str(d, "stance", where),
                    number(d, "score", where), where));
        }
        return out;
    }

    /** The dyads of a CSV sentence row: "SOURCE>TARGET:stance:score" joined by "|". */
    static List<ScoreRecord.SentenceDyad> csvSentenceDyads(String joined, String where) {
        List<ScoreRecord.SentenceDyad> out = new ArrayList<>();
        for (String d : joined.isBlank() ? new String[0] : joined.split("\\|")) {
            String[] p = d.split(":");
            String[] ends = p[0].split(">");
            if (p.length != 3 || ends.length != 2) {
                throw new BadInputException(where + ": dyad '" + d + "' is not SOURCE>TARGET:stance:score");
            }
            out.add(sentenceDyad(ends[0], ends[1], p[1], parse(p[2], "dyads", where), where));
        }
        return out;
    }

    private static ScoreRecord.SentenceDyad sentenceDyad(String source, String target, String stance, double score,
                                                         String where) {
        check(source, target, stance, score, where);
        return new ScoreRecord.SentenceDyad(source, target, stance, score);
    }

    /** The dyad table of a JSON article row; none when the row has no {@code dyads} field. */
    static List<ScoreRecord.DyadSummary> articleDyads(JsonNode n, String where) {
        JsonNode ds = n.get("dyads");
        if (ds == null || ds.isNull()) {
            return List.of();
        }
        if (!ds.isArray()) {
            throw new BadInputException(where + ": field 'dyads' is not a list");
        }
        List<ScoreRecord.DyadSummary> out = new ArrayList<>(ds.size());
        for (JsonNode d : ds) {
            ScoreRecord.DyadSummary s = new ScoreRecord.DyadSummary(str(d, "source_actor", where),
                    str(d, "source_name", where), str(d, "target_actor", where), str(d, "target_name", where),
                    integer(d, "mentions", where), integer(d, "negative", where), integer(d, "neutral", where),
                    integer(d, "positive", where), number(d, "mean_score", where),
                    integer(d, "most_negative_sentence", where), str(d, "most_negative_text", where),
                    number(d, "most_negative_score", where), integer(d, "most_positive_sentence", where),
                    str(d, "most_positive_text", where), number(d, "most_positive_score", where));
            check(s.sourceActor(), s.targetActor(), "neutral", s.meanScore(), where);
            if (s.mentions() < 1 || s.negative() + s.neutral() + s.positive() != s.mentions()) {
                throw new BadInputException(where + ": dyad " + s.sourceActor() + ">" + s.targetActor() + ": "
                        + s.mentions() + " sentences but " + s.negative() + "/" + s.neutral() + "/" + s.positive()
                        + " per stance");
            }
            out.add(s);
        }
        return out;
    }

    private static void check(String source, String target, String stance, double score, String where) {
        if (source.isEmpty() || target.isEmpty()) {
            throw new BadInputException(where + ": a dyad needs a source and a target actor");
        }
        if (source.equals(target)) {
            throw new BadInputException(where + ": dyad " + source + ">" + target + " pairs an actor with itself");
        }
        if (!STANCES.contains(stance)) {
            throw new BadInputException(where + ": dyad stance '" + stance + "' is not negative, neutral or positive");
        }
        if (score < -1 || score > 1) {
            throw new BadInputException(where + ": dyad score " + score + " is outside [-1, 1]");
        }
    }
}
