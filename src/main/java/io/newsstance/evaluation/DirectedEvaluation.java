package io.newsstance.evaluation;

import io.newsstance.api.Prediction;
import io.newsstance.data.DirectedPair;
import io.newsstance.io.Decimals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Park et al.'s five-class metrics (neutral; p positive toward q; q toward p; p negative toward q; q toward p):
 * accuracy and macro-F1 over the five classes, as their paper reports them, with per-class F1 and the confusion
 * matrix.
 *
 * @param n         pairs evaluated
 * @param accuracy  share correct
 * @param macroF1   unweighted mean of the five per-class F1 scores
 * @param f1        F1 per class, in {@link DirectedPair#CLASSES} order
 * @param support   gold pairs per class
 * @param confusion {@code confusion[gold][predicted]}
 */
public record DirectedEvaluation(int n, double accuracy, double macroF1, double[] f1, int[] support,
                                 int[][] confusion) {

    /**
     * The five-class call from the two dyad predictions of a pair: the likeliest of "both neutral" and "one
     * direction positive or negative with the other neutral" (the dataset codes one direction per pair), with the
     * two directions' probabilities taken as independent.
     */
    public static int fiveClass(Prediction pq, Prediction qp) {
        double[] s = {
                pq.pNeutral() * qp.pNeutral(),
                pq.pPositive() * qp.pNeutral(),
                qp.pPositive() * pq.pNeutral(),
                pq.pNegative() * qp.pNeutral(),
                qp.pNegative() * pq.pNeutral()};
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    public static DirectedEvaluation of(int[] gold, int[] predicted) {
        int k = DirectedPair.CLASSES.size();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
        }
        double[] f1 = new double[k];
        int[] support = new int[k];
        int correct = 0;
        double sum = 0;
        for (int c = 0; c < k; c++) {
            int predC = 0;
            for (int j = 0; j < k; j++) {
                support[c] += confusion[c][j];
                predC += confusion[j][c];
            }
            correct += confusion[c][c];
            double p = predC == 0 ? 0 : (double) confusion[c][c] / predC;
            double r = support[c] == 0 ? 0 : (double) confusion[c][c] / support[c];
            f1[c] = p + r == 0 ? 0 : 2 * p * r / (p + r);
            sum += f1[c];
        }
        return new DirectedEvaluation(gold.length, gold.length == 0 ? 0 : (double) correct / gold.length, sum / k, f1,
                support, confusion);
    }

    /** The JSON shape printed by {@code eval --json} and stored in model cards. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", Decimals.round(accuracy));
        m.put("macro_f1", Decimals.round(macroF1));
        Map<String, Object> classes = new LinkedHashMap<>();
        for (int c = 0; c < f1.length; c++) {
            classes.put(DirectedPair.CLASSES.get(c), Map.of("f1", Decimals.round(f1[c]), "support", support[c]));
        }
        m.put("per_class", classes);
        m.put("labels", new ArrayList<>(DirectedPair.CLASSES));
        m.put("confusion", confusion);
        return m;
    }

    /** Lines for the terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "pairs %d, accuracy %.4f, five-class macro-F1 %.4f", n, accuracy,
                macroF1));
        for (int c = 0; c < f1.length; c++) {
            out.add(String.format(java.util.Locale.ROOT, "  %-14s F1 %.4f (support %d)", DirectedPair.CLASSES.get(c),
                    f1[c], support[c]));
        }
        return out;
    }
}
