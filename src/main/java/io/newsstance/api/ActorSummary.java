package io.newsstance.api;

/**
 * How one article (or a whole corpus) portrays one actor.
 *
 * @param actor        actor id
 * @param name         display name
 * @param mentions     number of mentions scored
 * @param articles     number of articles the mentions are in
 * @param negative     mentions whose stance label is negative
 * @param neutral      … neutral
 * @param positive     … positive
 * @param meanScore    mean of P(positive) − P(negative) over the mentions
 * @param ciLow        lower end of a 95% interval for the mean score that counts articles, not mentions: the
 *                     mean ± t(0.975, k−1)·SE with SE the cluster-robust standard error over the k articles
 *                     (mentions in one article are not independent evidence), clipped to [-1, 1]; NaN (no
 *                     interval) with fewer than 3 articles
 * @param ciHigh       upper end (NaN with fewer than 3 articles)
 * @param mostNegative the mention with the lowest score, as evidence
 * @param mostPositive the mention with the highest score
 */
public record ActorSummary(String actor, String name, int mentions, int articles, int negative, int neutral,
                           int positive, double meanScore, double ciLow, double ciHigh, Evidence mostNegative,
                           Evidence mostPositive) {

    /** Articles needed for an interval: with fewer, the spread between articles cannot be estimated. */
    public static final int MIN_ARTICLES_FOR_INTERVAL = 3;

    /** Whether there is an interval (at least {@link #MIN_ARTICLES_FOR_INTERVAL} articles). */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }

    /** A sentence that supports a summary. */
    public record Evidence(String articleId, int sentenceIndex, String sentence, double score) {
    }
}
