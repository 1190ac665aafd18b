package io.newsstance.api;

/**
 * How one article (or a whole corpus) portrays one actor.
 *
 * @param actor        actor id
 * @param name         display name
 * @param mentions     number of mentions scored
 * @param negative     mentions whose stance label is negative
 * @param neutral      … neutral
 * @param positive     … positive
 * @param meanScore    mean of P(positive) − P(negative) over the mentions
 * @param ciLow        lower end of a 95% interval for the mean score (normal approximation,
 *                     mean ± 1.96·sd/√n, clipped to [-1, 1]; the full [-1, 1] when there is one mention)
 * @param ciHigh       upper end
 * @param mostNegative the mention with the lowest score, as evidence
 * @param mostPositive the mention with the highest score
 */
public record ActorSummary(String actor, String name, int mentions, int negative, int neutral, int positive,
                           double meanScore, double ciLow, double ciHigh, Evidence mostNegative,
                           Evidence mostPositive) {

    /** A sentence that supports a summary. */
    public record Evidence(String articleId, int sentenceIndex, String sentence, double score) {
    }
}
