package io.newsstance.model;

import io.newsstance.api.Span;

/** A sentence and the span of one target in it: what the stance model classifies. */
public record Target(String sentence, Span span) {

    public Target {
        if (span.end() > sentence.length()) {
            throw new IllegalArgumentException("target " + span + " is outside a sentence of length " + sentence.length());
        }
    }
}
