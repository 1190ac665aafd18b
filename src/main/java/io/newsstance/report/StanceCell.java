package io.newsstance.report;

/** One article's scores of one actor or one dyad: how many, their sum and the counts per stance. */
final class StanceCell {
    long n;
    double sum;
    long neg;
    long neu;
    long pos;

    void add(String stance, double score) {
        n++;
        sum += score;
        switch (stance) {
            case "negative" -> neg++;
            case "positive" -> pos++;
            default -> neu++;
        }
    }

    /** A cell from a summary's count, mean and counts per stance (an article row's). */
    static StanceCell of(int n, double mean, int neg, int neu, int pos) {
        StanceCell c = new StanceCell();
        c.n = n;
        c.sum = mean * n;
        c.neg = neg;
        c.neu = neu;
        c.pos = pos;
        return c;
    }

    /** Adds this article's cell to {@code sums}. */
    void addTo(ClusterSums sums) {
        sums.add(n, sum, neg, neu, pos);
    }
}
