package io.newsstance.api;

import io.newsstance.api.Prediction;
import io.newsstance.api.Span;

import java.util.List;
import java.util.Optional;

/**
 * A scored sentence.
 *
 * @param index     0-based position in the article
 * @param span      character offsets into the article text, end-exclusive
 * @param text      the sentence text
 * @param sentiment overall tone of the sentence (empty if the model has no sentiment head)
 * @param mentions  actor mentions in the sentence, in order, each with its stance
 * @param dyads     every ordered pair of distinct actors in the sentence with A's stance toward B (empty if the
 *                  model has no dyad head), by A's first mention, then B's
 */
public record SentenceResult(int index, Span span, String text, Optional<Prediction> sentiment,
                             List<MentionResult> mentions, List<DyadResult> dyads) {

    /** A sentence without dyads. */
    public SentenceResult(int index, Span span, String text, Optional<Prediction> sentiment,
                          List<MentionResult> mentions) {
        this(index, span, text, sentiment, mentions, List.of());
    }
}
