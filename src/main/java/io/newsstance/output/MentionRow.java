package io.newsstance.output;

import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.SentenceResult;

import static io.newsstance.io.Decimals.round;

/** One actor mention and the stance toward it: a row of {@code score --level mention} and of Spark's {@code mentions/}. */
public record MentionRow(String articleId, String date, String source, int sentenceIndex, String actor, int start,
                         int end, String text, String aliasKind, String stance, double pNegative, double pNeutral,
                         double pPositive, double score) implements OutputRow {

    /** The row of mention {@code m} of sentence {@code s} of {@code result}; probabilities rounded. */
    public static MentionRow of(ArticleResult result, SentenceResult s, MentionResult m) {
        return new MentionRow(result.article().id(), result.article().date(), result.article().source(), s.index(),
                m.actor(), m.span().start(), m.span().end(), m.text(), m.aliasKind().csvName(),
                m.stance().label().label(), round(m.stance().pNegative()), round(m.stance().pNeutral()),
                round(m.stance().pPositive()), round(m.stance().score()));
    }
}
