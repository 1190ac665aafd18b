package io.newsstance.data;

import io.newsstance.api.Polarity;
import io.newsstance.api.Span;

import java.util.List;

/**
 * One record of Park, Pan and Joo's directed-sentiment data (ACL-IJCNLP 2021): a sentence, an unordered pair of
 * entities p and q, and one of their five classes. Read as two dyads, p→q and q→p; a five-class prediction is
 * made back from the two dyad predictions by {@link io.newsstance.evaluation.DirectedEvaluation}.
 *
 * @param id       "file:line" of the record (the data has no ids)
 * @param sentence the sentence with the entity brackets removed
 * @param p        span of p in {@code sentence}
 * @param q        span of q
 * @param label    0 neutral, 1 p positive toward q, 2 q positive toward p, 3 p negative toward q, 4 q negative
 *                 toward p (the dataset's coding)
 */
public record DirectedPair(String id, String sentence, Span p, Span q, int label) {

    /** The five classes, in the dataset's order. */
    public static final List<String> CLASSES = List.of("neutral", "p->q positive", "q->p positive",
            "p->q negative", "q->p negative");

    public DirectedPair {
        if (label < 0 || label >= CLASSES.size()) {
            throw new IllegalArgumentException("label " + label + " is not 0-4");
        }
    }

    /** The pair as two dyads: p→q, then q→p; the direction the label does not name is neutral. */
    public List<DyadExample> dyads(String split) {
        Polarity pq = label == 1 ? Polarity.POSITIVE : label == 3 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        Polarity qp = label == 2 ? Polarity.POSITIVE : label == 4 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        return List.of(
                new DyadExample(id + "#pq", id, sentence, p, q, "", "", pq, split, id),
                new DyadExample(id + "#qp", id, sentence, q, p, "", "", qp, split, id));
    }
}
