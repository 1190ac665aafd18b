package io.newsstance.output;

/** Granularity of scoring output. */
public enum Level {
    /** One record per article, with its per-actor summary. */
    ARTICLE,
    /** One record per sentence, with its sentiment and mentions. */
    SENTENCE,
    /** One record per actor mention, with its stance. */
    MENTION,
    /** One record per ordered pair of actors in a sentence, with the source's stance toward the target. */
    DYAD
}
