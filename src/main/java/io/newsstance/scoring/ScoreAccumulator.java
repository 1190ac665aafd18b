package io.newsstance.scoring;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;

/**
 * The running sums behind one summary (an actor's, or a dyad's): counts per label, the mean score, the extreme
 * evidence, and the per-article sums that {@link ActorAggregator#interval} needs, in constant memory. Scores of
 * one article are added together (one after another); the next article's first score folds the last one in.
 */
final class ScoreAccumulator {
    int n;
    final int[] counts = new int[3];
    double sum;
    int articles;
    double sumArticleSquares;   // Σ Sⱼ²
    double sumArticleCross;     // Σ Sⱼ·nⱼ
    double sumArticleCounts2;   // Σ nⱼ²
    private String currentArticle;
    private double currentSum;
    private int currentN;
    ActorSummary.Evidence min;
    ActorSummary.Evidence max;

    /** Adds one prediction made in {@code sentence} of article {@code articleId}. */
    void add(String articleId, SentenceResult sentence, Prediction p) {
        double score = p.score();
        if (!articleId.equals(currentArticle)) {
            fold();
            currentArticle = articleId;
        }
        currentSum += score;
        currentN++;
        n++;
        sum += score;
        counts[p.label().ordinal()]++;
        if (min == null || score < min.score()) {
            min = new ActorSummary.Evidence(articleId, sentence.index(), sentence.text(), score);
        }
        if (max == null || score > max.score()) {
            max = new ActorSummary.Evidence(articleId, sentence.index(), sentence.text(), score);
        }
    }

    /** Folds the current article's sums into the per-article sums. */
    void fold() {
        if (currentN > 0) {
            articles++;
            sumArticleSquares += currentSum * currentSum;
            sumArticleCross += currentSum * currentN;
            sumArticleCounts2 += (double) currentN * currentN;
        }
        currentSum = 0;
        currentN = 0;
    }

    double mean() {
        return sum / n;
    }

    /** The cluster-robust t-interval over articles (after {@link #fold}), or NaNs with too few articles. */
    double[] interval() {
        return ActorAggregator.interval(articles, n, mean(), sumArticleSquares, sumArticleCross, sumArticleCounts2);
    }
}
