package io.newsstance.output;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;
import io.newsstance.io.Decimals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens scoring results into records with stable field names, the one schema shared by {@code score}'s
 * JSON Lines and CSV output and the Spark job. Field lists: {@link #MENTION_FIELDS}, {@link #SENTENCE_FIELDS},
 * {@link #ARTICLE_FIELDS}; nested values (a sentence's mentions, an article's actors) are lists of maps, which
 * CSV writers flatten.
 */
public final class ResultRows {

    public static final List<String> MENTION_FIELDS = List.of("article_id", "date", "source", "sentence_index",
            "actor", "start", "end", "text", "alias_kind", "stance", "p_negative", "p_neutral", "p_positive", "score");
    public static final List<String> SENTENCE_FIELDS = List.of("article_id", "date", "source", "sentence_index",
            "start", "end", "text", "sentiment", "p_negative", "p_neutral", "p_positive", "mentions");
    public static final List<String> ARTICLE_FIELDS = List.of("id", "title", "date", "source", "url", "sentences",
            "sentiment", "p_negative", "p_neutral", "p_positive", "actors");
    public static final List<String> ACTOR_FIELDS = List.of("actor", "name", "mentions", "negative", "neutral",
            "positive", "mean_score", "ci_low", "ci_high");

    private ResultRows() {
    }

    public static List<Map<String, Object>> rows(ArticleResult result, Level level) {
        return switch (level) {
            case ARTICLE -> List.of(article(result));
            case SENTENCE -> result.sentences().stream().map(s -> sentence(result, s)).toList();
            case MENTION -> mentions(result);
        };
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

    public static Map<String, Object> mention(ArticleResult result, SentenceResult s, MentionResult m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("article_id", result.article().id());
        row.put("date", result.article().date());
        row.put("source", result.article().source());
        row.put("sentence_index", s.index());
        row.put("actor", m.actor());
        row.put("start", m.span().start());
        row.put("end", m.span().end());
        row.put("text", m.text());
        row.put("alias_kind", m.aliasKind().csvName());
        putPrediction(row, "stance", m.stance());
        row.put("score", Decimals.round(m.stance().score()));
        return row;
    }

    public static Map<String, Object> sentence(ArticleResult result, SentenceResult s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("article_id", result.article().id());
        row.put("date", result.article().date());
        row.put("source", result.article().source());
        row.put("sentence_index", s.index());
        row.put("start", s.span().start());
        row.put("end", s.span().end());
        row.put("text", s.text());
        putPrediction(row, "sentiment", s.sentiment().orElse(null));
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (MentionResult m : s.mentions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("actor", m.actor());
            x.put("start", m.span().start());
            x.put("end", m.span().end());
            x.put("text", m.text());
            x.put("stance", m.stance().label().label());
            x.put("score", Decimals.round(m.stance().score()));
            mentions.add(x);
        }
        row.put("mentions", mentions);
        return row;
    }

    public static Map<String, Object> article(ArticleResult result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", result.article().id());
        row.put("title", result.article().title());
        row.put("date", result.article().date());
        row.put("source", result.article().source());
        row.put("url", result.article().url());
        row.put("sentences", result.sentences().size());
        putPrediction(row, "sentiment", result.sentiment().orElse(null));
        row.put("actors", result.actors().stream().map(ResultRows::actor).toList());
        return row;
    }

    public static Map<String, Object> actor(ActorSummary a) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("actor", a.actor());
        x.put("name", a.name());
        x.put("mentions", a.mentions());
        x.put("negative", a.negative());
        x.put("neutral", a.neutral());
        x.put("positive", a.positive());
        x.put("mean_score", Decimals.round(a.meanScore()));
        x.put("ci_low", Decimals.round(a.ciLow()));
        x.put("ci_high", Decimals.round(a.ciHigh()));
        return x;
    }

    private static void putPrediction(Map<String, Object> row, String labelField, Prediction p) {
        row.put(labelField, p == null ? null : p.label().label());
        row.put("p_negative", p == null ? null : Decimals.round(p.pNegative()));
        row.put("p_neutral", p == null ? null : Decimals.round(p.pNeutral()));
        row.put("p_positive", p == null ? null : Decimals.round(p.pPositive()));
    }

}
