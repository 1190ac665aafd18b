package io.newsstance.output;

import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;

import java.util.List;

import static io.newsstance.io.Decimals.round;

/**
 * One sentence, its sentiment, its mentions and its dyads: a row of {@code score --level sentence} and of Spark's
 * {@code sentences/}. The sentiment fields are null when the model has no sentiment head.
 */
public record SentenceRow(String articleId, String date, String source, int sentenceIndex, int start, int end,
                          String text, String sentiment, Double pNegative, Double pNeutral, Double pPositive,
                          List<Mention> mentions, List<Dyad> dyads) implements OutputRow {

    /** A mention inside a sentence row. */
    public record Mention(String actor, int start, int end, String text, String stance, double score)
            implements OutputRow {
    }

    /** A dyad inside a sentence row: the source actor's stance toward the target actor. */
    public record Dyad(String sourceActor, String targetActor, String stance, double score) implements OutputRow {
    }

    /** The row of sentence {@code s} of {@code result}; probabilities rounded. */
    public static SentenceRow of(ArticleResult result, SentenceResult s) {
        Prediction p = s.sentiment().orElse(null);
        List<Mention> mentions = s.mentions().stream().map(SentenceRow::mention).toList();
        return new SentenceRow(result.article().id(), result.article().date(), result.article().source(), s.index(),
                s.span().start(), s.span().end(), s.text(), p == null ? null : p.label().label(),
                p == null ? null : round(p.pNegative()), p == null ? null : round(p.pNeutral()),
                p == null ? null : round(p.pPositive()), mentions, s.dyads().stream()
                        .map(d -> new Dyad(d.source(), d.target(), d.stance().label().label(), round(d.stance().score())))
                        .toList());
    }

    private static Mention mention(MentionResult m) {
        return new Mention(m.actor(), m.span().start(), m.span().end(), m.text(), m.stance().label().label(),
                round(m.stance().score()));
    }
}
