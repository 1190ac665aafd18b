package io.newsstance.output;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.AliasKind;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;
import io.newsstance.api.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The output rows: one record per level defines the fields every writer uses, in order, with rounded values. */
class OutputRowTest {

    private static final String TEXT = "Seoul condemned Pyongyang's launch.";

    private static ArticleResult result(Optional<Prediction> sentiment) {
        MentionResult m = new MentionResult("DPRK", new Span(16, 25), "Pyongyang", AliasKind.SEAT,
                new Prediction(io.newsstance.api.Polarity.NEGATIVE, 0.912345, 0.05, 0.037655));
        SentenceResult s = new SentenceResult(0, new Span(0, TEXT.length()), TEXT, sentiment, List.of(m));
        ActorSummary a = new ActorSummary("DPRK", "North Korea", 1, 1, 1, 0, 0, -0.87469, Double.NaN, Double.NaN, null, null);
        return new ArticleResult(new Article("a1", "t", TEXT, "2026-01-02", "wire", "http://x"), List.of(s),
                sentiment, List.of(a));
    }

    @Test
    void fieldNamesComeFromTheRecordsInOrder() {
        assertEquals(List.of("article_id", "date", "source", "sentence_index", "actor", "start", "end", "text",
                "alias_kind", "stance", "p_negative", "p_neutral", "p_positive", "score"), ResultRows.MENTION_FIELDS);
        assertEquals(List.of("article_id", "date", "source", "sentence_index", "start", "end", "text", "sentiment",
                "p_negative", "p_neutral", "p_positive", "mentions", "dyads"), ResultRows.SENTENCE_FIELDS);
        assertEquals(List.of("id", "title", "date", "source", "url", "sentences", "sentiment", "p_negative",
                "p_neutral", "p_positive", "actors", "dyads"), ResultRows.ARTICLE_FIELDS);
        assertEquals(List.of("article_id", "date", "source", "sentence_index", "source_actor", "source_start",
                "source_end", "source_text", "target_actor", "target_start", "target_end", "target_text", "stance",
                "p_negative", "p_neutral", "p_positive", "score"), ResultRows.DYAD_FIELDS);
        assertEquals(List.of("actor", "name", "mentions", "articles", "negative", "neutral", "positive", "mean_score", "ci_low",
                "ci_high"), ResultRows.ACTOR_FIELDS);
    }

    @Test
    void everyRowMapHasExactlyItsLevelsFieldsWithRoundedValues() {
        ArticleResult r = result(Optional.empty());
        Map<String, Object> mention = ResultRows.rows(r, Level.MENTION).get(0);
        assertEquals(ResultRows.MENTION_FIELDS, List.copyOf(mention.keySet()));
        assertEquals(0.9123, mention.get("p_negative"));
        assertEquals(-0.8747, mention.get("score"));
        assertEquals("seat", mention.get("alias_kind"));
        assertEquals(16, mention.get("start"));

        Map<String, Object> sentence = ResultRows.rows(r, Level.SENTENCE).get(0);
        assertEquals(ResultRows.SENTENCE_FIELDS, List.copyOf(sentence.keySet()));
        assertNull(sentence.get("sentiment"), "no sentiment head: null fields, not missing ones");
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = ((List<Map<String, Object>>) sentence.get("mentions")).get(0);
        assertEquals(ResultRows.SENTENCE_MENTION_FIELDS, List.copyOf(nested.keySet()));

        Map<String, Object> article = ResultRows.rows(r, Level.ARTICLE).get(0);
        assertEquals(ResultRows.ARTICLE_FIELDS, List.copyOf(article.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = ((List<Map<String, Object>>) article.get("actors")).get(0);
        assertEquals(ResultRows.ACTOR_FIELDS, List.copyOf(actor.keySet()));
        assertEquals(-0.8747, actor.get("mean_score"));
        assertNull(actor.get("ci_low"), "one article: no interval");
    }

    @Test
    void aSentimentFillsTheSentimentFields() {
        ArticleResult r = result(Optional.of(new Prediction(io.newsstance.api.Polarity.NEGATIVE, 0.7, 0.2, 0.1)));
        Map<String, Object> article = ResultRows.rows(r, Level.ARTICLE).get(0);
        assertEquals("negative", article.get("sentiment"));
        assertEquals(0.2, article.get("p_neutral"));
    }
}
