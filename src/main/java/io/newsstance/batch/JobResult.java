package io.newsstance.batch;



/**
 * What a run did. {@code read = scored + rejected}; {@code mentions} and {@code sentences} count the rows
 * written to {@code mentions/} and {@code sentences/}.
 */
public record JobResult(long read, long scored, long rejected, long mentions, long sentences, long actorDailyRows,
                     double seconds, String output) {

    public String line() {
        return "read " + read + ", scored " + scored + ", rejected " + rejected;
    }
}
