package io.newsstance.output;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.DyadResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.SentenceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scoring results as output rows, as maps with stable field names: the one schema shared by {@code score}'s JSON
 * Lines and CSV output and the Spark job. The rows are defined by the records {@link MentionRow},
 * {@link SentenceRow}, {@link ArticleRow} and {@link DyadRow} (see {@link OutputRow}); the field lists below are derived from them.
 * Nested values (a sentence's mentions, an article's actors) are lists of maps, which CSV writers flatten.
 */
public final class ResultRows {

    public static final List<String> MENTION_FIELDS = OutputRow.names(MentionRow.class);
    public static final List<String> SENTENCE_FIELDS = OutputRow.names(SentenceRow.class);
    public static final List<String> SENTENCE_MENTION_FIELDS = OutputRow.names(SentenceRow.Mention.class);
    public static final List<String> ARTICLE_FIELDS = OutputRow.names(ArticleRow.class);
    public static final List<String> ACTOR_FIELDS = OutputRow.names(ArticleRow.Actor.class);
    public static final List<String> DYAD_FIELDS = OutputRow.names(DyadRow.class);
    public static final List<String> SENTENCE_DYAD_FIELDS = OutputRow.names(SentenceRow.Dyad.class);
    public static final List<String> ARTICLE_DYAD_FIELDS = OutputRow.names(ArticleRow.Dyad.class);

    private ResultRows() {
    }

    /** The rows of {@code result} at {@code level}, as maps in field order. */
    public static List<Map<String, Object>> rows(ArticleResult result, Level level) {
        return switch (level) {
            case ARTICLE -> List.of(article(result));
            case SENTENCE -> result.sentences().stream().map(s -> sentence(result, s)).toList();
            case MENTION -> mentions(result);
            case DYAD -> dyads(result);
        };
    }

    static List<Map<String, Object>> dyads(ArticleResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SentenceResult s : result.sentences()) {
            for (DyadResult d : s.dyads()) {
                rows.add(DyadRow.of(result, s, d).toMap());
            }
        }
        return rows;
    }

    static List<Map<String, Object>> mentions(ArticleResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SentenceResult s : result.sentences()) {
            for (MentionResult m : s.mentions()) {
                rows.add(mention(result, s, m));
            }
        }
        return rows;
    }

    /** A mention row as a map. */
    public static Map<String, Object> mention(ArticleResult result, SentenceResult s, MentionResult m) {
        return MentionRow.of(result, s, m).toMap();
    }

    /** A sentence row as a map. */
    public static Map<String, Object> sentence(ArticleResult result, SentenceResult s) {
        return SentenceRow.of(result, s).toMap();
    }

    /** An article row as a map. */
    public static Map<String, Object> article(ArticleResult result) {
        return ArticleRow.of(result).toMap();
    }

    /** An actor summary as the map an article row nests. */
    public static Map<String, Object> actor(ActorSummary a) {
        return ArticleRow.Actor.of(a).toMap();
    }
}
