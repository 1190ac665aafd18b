package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.io.Decimals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three-class classification metrics.
 *
 * @param n         examples evaluated
 * @param accuracy  share correct
 * @param macroF1   unweighted mean of the three per-class F1 scores (the headline metric, as NewsMTSC reports)
 * @param perClass  precision, recall, F1 and support per label
 * @param confusion {@code confusion[gold][predicted]}, indices in {@link Polarity} order
 * @param perActor  the same metrics per actor id, where examples carry one (empty otherwise)
 */
public record Evaluation(int n, double accuracy, double macroF1, Map<Polarity, ClassMetrics> perClass,
                         int[][] confusion, Map<String, Evaluation> perActor) {

    public record ClassMetrics(double precision, double recall, double f1, int support) {
    }

    /** The JSON shape printed by {@code eval --json} and stored in model cards. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", Decimals.round(accuracy));
        m.put("macro_f1", Decimals.round(macroF1));
        Map<String, Object> classes = new LinkedHashMap<>();
        perClass.forEach((label, c) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("precision", Decimals.round(c.precision()));
            x.put("recall", Decimals.round(c.recall()));
            x.put("f1", Decimals.round(c.f1()));
            x.put("support", c.support());
            classes.put(label.label(), x);
        });
        m.put("per_class", classes);
        m.put("labels", java.util.Arrays.stream(Polarity.values()).map(Polarity::label).toList());
        m.put("confusion", confusion);
        if (!perActor.isEmpty()) {
            Map<String, Object> actors = new LinkedHashMap<>();
            perActor.forEach((actor, e) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("n", e.n());
                x.put("accuracy", Decimals.round(e.accuracy()));
                x.put("macro_f1", Decimals.round(e.macroF1()));
                actors.put(actor, x);
            });
            m.put("per_actor", actors);
        }
        return m;
    }

}
