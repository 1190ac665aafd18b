package io.newsstance.report;

import java.util.List;

/**
 * One record of {@code score} output as the report needs it, whatever the level it was written at: a mention row
 * and a sentence row both become a {@link Sentence} (a mention row is a sentence with one mention and no text), an
 * article row becomes an {@link Article}. {@code where} is "file:line", for messages.
 */
public sealed interface ScoreRecord permits ScoreRecord.Sentence, ScoreRecord.Article {

    /** The level a file was written at ({@code score --level}). */
    enum Level { MENTION, SENTENCE, ARTICLE }

    /**
     * A sentence and its mentions. {@code text} is null for a mention row (mention rows do not carry the
     * sentence); {@code sentenceStart} is then 0 and the mention offsets are the article's.
     */
    record Sentence(String articleId, String date, String source, int sentenceIndex, int sentenceStart, String text,
                    List<Mention> mentions, String where) implements ScoreRecord {
    }

    /** A mention: offsets into the article text, end-exclusive, as {@code score} writes them. */
    record Mention(String actor, int start, int end, String text, String stance, double score) {
    }

    /** An article with its per-actor summaries ({@code score --level article}). */
    record Article(String id, String title, String date, String source, String url, List<ActorSummary> actors,
                   String where) implements ScoreRecord {
    }

    /** An actor's summary inside an article row. */
    record ActorSummary(String actor, String name, int mentions, int negative, int neutral, int positive,
                        double meanScore) {
    }
}
