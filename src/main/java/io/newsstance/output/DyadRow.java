package io.newsstance.output;

import io.newsstance.api.ArticleResult;
import io.newsstance.api.DyadResult;
import io.newsstance.api.SentenceResult;

import static io.newsstance.io.Decimals.round;

/**
 * One ordered pair of actors in a sentence and the source's stance toward the target: a row of {@code score
 * --level dyad} and of Spark's {@code dyads/}. Offsets are into the article text, end-exclusive; {@code source} is
 * the publisher, as in the other rows, and the pair's ends are {@code source_actor} and {@code target_actor}.
 */
public record DyadRow(String articleId, String date, String source, int sentenceIndex, String sourceActor,
                      int sourceStart, int sourceEnd, String sourceText, String targetActor, int targetStart,
                      int targetEnd, String targetText, String stance, double pNegative, double pNeutral,
                      double pPositive, double score) implements OutputRow {

    /** The row of dyad {@code d} of sentence {@code s} of {@code result}; probabilities rounded. */
    public static DyadRow of(ArticleResult result, SentenceResult s, DyadResult d) {
        return new DyadRow(result.article().id(), result.article().date(), result.article().source(), s.index(),
                d.source(), d.sourceSpan().start(), d.sourceSpan().end(), d.sourceText(), d.target(),
                d.targetSpan().start(), d.targetSpan().end(), d.targetText(), d.stance().label().label(),
                round(d.stance().pNegative()), round(d.stance().pNeutral()), round(d.stance().pPositive()),
                round(d.stance().score()));
    }
}
