package io.newsstance.data;

import io.newsstance.api.Polarity;
import io.newsstance.api.Span;
import io.newsstance.model.DyadTarget;

/**
 * One labelled dyad: a sentence, an ordered pair of entity spans in it, and the stance of the first (source)
 * toward the second (target) as the sentence reports it (annotation guide §6).
 *
 * @param id          unique id of the dyad
 * @param sentenceId  id of the sentence; the dyads of one sentence share it
 * @param sentence    the sentence text
 * @param source      character span of the source's mention, end-exclusive
 * @param target      character span of the target's mention
 * @param sourceActor actor id of the source, or "" where the file names no actors (Park et al.'s entities)
 * @param targetActor actor id of the target, or ""
 * @param stance      the source's stance toward the target
 * @param split       train, dev, test, or empty when the file carries no split
 * @param origin      where it was read: "file:line"
 */
public record DyadExample(String id, String sentenceId, String sentence, Span source, Span target,
                          String sourceActor, String targetActor, Polarity stance, String split, String origin) {

    /** What the dyad head classifies. */
    public DyadTarget dyad() {
        return new DyadTarget(sentence, source, target);
    }
}
