package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.api.Prediction;
import io.newsstance.data.DirectedPair;
import io.newsstance.data.DyadExample;
import io.newsstance.model.DyadTarget;
import io.newsstance.model.StanceModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a model's dyad head: three-class metrics over ordered pairs (per source actor where the file names
 * actors), and on Park et al.'s data their five-class metrics ({@link DirectedEvaluation}).
 */
public final class DyadEvaluator {

    /** A's stance toward B for each labelled dyad: accuracy, macro-F1, per class, per source actor. */
    public Evaluation evaluate(StanceModel model, List<DyadExample> dyads) {
        return new Evaluator().evaluate(labels(dyads), predict(model, dyads),
                dyads.stream().map(d -> d.sourceActor().isEmpty() ? Optional.<String>empty()
                        : Optional.of(d.sourceActor())).toList());
    }

    /** Five-class metrics on Park et al.'s pairs, each pair read as its two dyads. */
    public DirectedEvaluation evaluateDirected(StanceModel model, List<DirectedPair> pairs) {
        List<DyadTarget> targets = new ArrayList<>(2 * pairs.size());
        for (DirectedPair p : pairs) {
            targets.add(new DyadTarget(p.sentence(), p.p(), p.q()));
            targets.add(new DyadTarget(p.sentence(), p.q(), p.p()));
        }
        List<Prediction> predictions = model.dyads(targets);
        int[] gold = new int[pairs.size()];
        int[] predicted = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            gold[i] = pairs.get(i).label();
            predicted[i] = DirectedEvaluation.fiveClass(predictions.get(2 * i), predictions.get(2 * i + 1));
        }
        return DirectedEvaluation.of(gold, predicted);
    }

    /** The model's label for each dyad, in order. */
    public static List<Polarity> predict(StanceModel model, List<DyadExample> dyads) {
        return model.dyads(targets(dyads)).stream().map(Prediction::label).toList();
    }

    public static List<DyadTarget> targets(List<DyadExample> dyads) {
        return dyads.stream().map(DyadExample::dyad).toList();
    }

    public static List<Polarity> labels(List<DyadExample> dyads) {
        return dyads.stream().map(DyadExample::stance).toList();
    }
}
