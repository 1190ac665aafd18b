package io.newsstance.api;

/**
 * How actor A treats actor B over one article or a whole corpus: the roll-up of the dyads (A, B).
 *
 * @param source       actor id of A
 * @param sourceName   display name of A
 * @param target       actor id of B
 * @param targetName   display name of B
 * @param mentions     sentences with the dyad (one dyad per ordered pair and sentence)
 * @param articles     articles they are in
 * @param negative     dyads labelled negative
 * @param neutral      … neutral
 * @param positive     … positive
 * @param meanScore    mean of P(positive) − P(negative)
 * @param ciLow        lower end of the 95% interval over articles, as for {@link ActorSummary} (NaN with fewer than
 *                     {@link ActorSummary#MIN_ARTICLES_FOR_INTERVAL} articles)
 * @param ciHigh       upper end
 * @param mostNegative the sentence with the lowest score
 * @param mostPositive the sentence with the highest score
 */
public record DyadSummary(String source, String sourceName, String target, String targetName, int mentions,
                          int articles, int negative, int neutral, int positive, double meanScore, double ciLow,
                          double ciHigh, ActorSummary.Evidence mostNegative, ActorSummary.Evidence mostPositive) {

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }
}
