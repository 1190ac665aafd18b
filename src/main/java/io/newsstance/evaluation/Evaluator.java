package io.newsstance.evaluation;

import io.newsstance.api.Polarity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Computes an {@link Evaluation} from gold and predicted labels. */
public final class Evaluator {

    /**
     * @param gold      gold labels
     * @param predicted predicted labels, same order
     * @param actors    actor id per example (empty when unknown); examples with an actor also get a per-actor
     *                  breakdown
     */
    public Evaluation evaluate(List<Polarity> gold, List<Polarity> predicted, List<Optional<String>> actors) {
        if (gold.size() != predicted.size() || gold.size() != actors.size()) {
            throw new IllegalArgumentException("gold, predicted and actors differ in size");
        }
        Evaluation overall = evaluate(gold, predicted);
        Map<String, List<Integer>> byActor = new TreeMap<>();
        for (int i = 0; i < actors.size(); i++) {
            int index = i;
            actors.get(i).ifPresent(a -> byActor.computeIfAbsent(a, k -> new ArrayList<>()).add(index));
        }
        Map<String, Evaluation> perActor = new TreeMap<>();
        byActor.forEach((actor, idx) -> perActor.put(actor, evaluate(idx.stream().map(gold::get).toList(),
                idx.stream().map(predicted::get).toList())));
        return new Evaluation(overall.n(), overall.accuracy(), overall.macroF1(), overall.perClass(),
                overall.confusion(), perActor);
    }

    /** Metrics without a per-actor breakdown. A class with no gold and no predicted examples has F1 0. */
    public Evaluation evaluate(List<Polarity> gold, List<Polarity> predicted) {
        int k = Polarity.values().length;
        int[][] confusion = new int[k][k];
        for (int i = 0; i < gold.size(); i++) {
            confusion[gold.get(i).ordinal()][predicted.get(i).ordinal()]++;
        }
        return fromConfusion(confusion);
    }

    public Evaluation fromConfusion(int[][] confusion) {
        int k = confusion.length;
        int n = 0;
        int correct = 0;
        Map<Polarity, Evaluation.ClassMetrics> perClass = new EnumMap<>(Polarity.class);
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int goldC = 0;
            int predC = 0;
            for (int j = 0; j < k; j++) {
                goldC += confusion[c][j];
                predC += confusion[j][c];
                n += confusion[c][j];
            }
            correct += tp;
            double p = predC == 0 ? 0 : (double) tp / predC;
            double r = goldC == 0 ? 0 : (double) tp / goldC;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            f1Sum += f1;
            perClass.put(Polarity.values()[c], new Evaluation.ClassMetrics(p, r, f1, goldC));
        }
        return new Evaluation(n, n == 0 ? 0 : (double) correct / n, f1Sum / k, perClass, confusion, Map.of());
    }
}
