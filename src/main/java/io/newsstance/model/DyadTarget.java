package io.newsstance.model;

import io.newsstance.api.Span;

/**
 * A sentence and an ordered pair of actor spans in it: what the dyad head classifies, the stance of the actor at
 * {@code source} toward the actor at {@code target} as the sentence reports it.
 */
public record DyadTarget(String sentence, Span source, Span target) {

    public DyadTarget {
        if (source.end() > sentence.length() || target.end() > sentence.length()) {
            throw new IllegalArgumentException("dyad " + source + " → " + target + " is outside a sentence of length "
                    + sentence.length());
        }
        if (source.overlaps(target)) {
            throw new IllegalArgumentException("dyad source " + source + " and target " + target + " overlap");
        }
    }
}
