package io.newsstance.report;

import io.newsstance.io.Decimals;
import io.newsstance.scoring.ActorAggregator;

/**
 * Sums over the articles of one group (an actor on a day, in a week, in a source, or overall), kept per article
 * because the interval counts articles, not mentions: each {@link #add} is one article's mentions of the actor.
 * The interval itself is {@link ActorAggregator#interval}, the rule {@code score} uses.
 */
final class ClusterSums {
    private int articles;
    private long mentions;
    private double sum;
    private double sumSquares;   // Σ Sⱼ²
    private double sumCross;     // Σ Sⱼ·nⱼ
    private double sumCounts2;   // Σ nⱼ²
    private long negative;
    private long neutral;
    private long positive;

    /** One article's mentions of the actor: how many, their score sum and stance counts. */
    void add(long n, double scoreSum, long neg, long neu, long pos) {
        articles++;
        mentions += n;
        sum += scoreSum;
        sumSquares += scoreSum * scoreSum;
        sumCross += scoreSum * n;
        sumCounts2 += (double) n * n;
        negative += neg;
        neutral += neu;
        positive += pos;
    }

    long mentions() {
        return mentions;
    }

    int articles() {
        return articles;
    }

    double sum() {
        return sum;
    }

    /** Mean score and its interval, rounded as score rounds (4 decimals); null interval below 3 articles. */
    ReportData.Stat stat() {
        double mean = sum / mentions;
        double[] ci = ActorAggregator.interval(articles, mentions, mean, sumSquares, sumCross, sumCounts2);
        boolean has = !Double.isNaN(ci[0]);
        return new ReportData.Stat(mentions, articles, negative, neutral, positive, Decimals.round(mean),
                has ? Decimals.round(ci[0]) : null, has ? Decimals.round(ci[1]) : null);
    }
}
