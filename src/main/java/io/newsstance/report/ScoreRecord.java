package io.newsstance.report;

import java.util.List;

/**
 * One record of {@code score} output as the report needs it, whatever the level it was written at: a mention row
 * and a sentence row both become a {@link Sentence} (a mention row is a sentence with one mention and no text), an
 * article row becomes an {@link Article}, a dyad row ({@code score --level dyad}, Spark's {@code dyads/}) a
 * {@link Dyad}. {@code where} is "file:line", for messages.
 */
public sealed interface ScoreRecord permits ScoreRecord.Sentence, ScoreRecord.Article, ScoreRecord.Dyad {

    /** The level a file was written at ({@code score --level}). */
    enum Level { MENTION, SENTENCE, ARTICLE, DYAD }

    /**
     * A sentence, its mentions and its dyads. {@code text} is null for a mention row (mention rows do not carry the
     * sentence); {@code sentenceStart} is then 0 and the mention offsets are the article's.
     */
    record Sentence(String articleId, String date, String source, int sentenceIndex, int sentenceStart, String text,
                    List<Mention> mentions, List<SentenceDyad> dyads, String where) implements ScoreRecord {
    }

    /** A mention: offsets into the article text, end-exclusive, as {@code score} writes them. */
    record Mention(String actor, int start, int end, String text, String stance, double score) {
    }

    /** A dyad inside a sentence row: no offsets (the first mention of each actor in the sentence is the dyad's). */
    record SentenceDyad(String sourceActor, String targetActor, String stance, double score) {
    }

    /**
     * A dyad row: the source actor's stance toward the target actor in one sentence; offsets into the article text,
     * end-exclusive. The row does not carry the sentence.
     */
    record Dyad(String articleId, String date, String source, int sentenceIndex, String sourceActor,
                int sourceStart, int sourceEnd, String sourceText, String targetActor, int targetStart,
                int targetEnd, String targetText, String stance, double score, String where) implements ScoreRecord {
    }

    /** An article with its per-actor summaries and its dyad table ({@code score --level article}). */
    record Article(String id, String title, String date, String source, String url, List<ActorSummary> actors,
                   List<DyadSummary> dyads, String where) implements ScoreRecord {
    }

    /** An actor's summary inside an article row. */
    record ActorSummary(String actor, String name, int mentions, int negative, int neutral, int positive,
                        double meanScore) {
    }

    /** A dyad summary inside an article row, with its most negative and most positive sentence. */
    record DyadSummary(String sourceActor, String sourceName, String targetActor, String targetName, int mentions,
                       int negative, int neutral, int positive, double meanScore, int mostNegativeSentence,
                       String mostNegativeText, double mostNegativeScore, int mostPositiveSentence,
                       String mostPositiveText, double mostPositiveScore) {
    }
}
