package io.newsstance.batch;



/**
 * What a run did. {@code read = scored + rejected}; {@code mentions}, {@code sentences} and {@code dyads} count
 * the rows written to {@code mentions/}, {@code sentences/} and {@code dyads/} (no dyads when the model has no dyad
 * head).
 */
public record JobResult(long read, long scored, long rejected, long mentions, long sentences, long dyads,
                        long actorDailyRows, long dyadDailyRows, double seconds, String output) {

    public String line() {
        return "read " + read + ", scored " + scored + ", rejected " + rejected;
    }
}
