package io.newsstance.finetune;

import io.newsstance.data.DyadExample;
import io.newsstance.model.ModelCard;

import java.util.List;

/**
 * An auxiliary objective for fine-tuning: labelled ordered pairs whose dyad loss, times {@code weight}, is added
 * to the stance loss ({@link TargetStanceGraph}), so that the trained layers learn who acts on whom. Each step
 * carries a share of the dyad sentences beside its stance batch, one pass over them per epoch ({@link
 * DyadSchedule}).
 *
 * @param train  the labelled pairs (a dyad CSV's train split)
 * @param weight weight of the dyad loss against the stance loss, above 0
 * @param files  the files they came from, for the model card
 */
public record DyadObjective(List<DyadExample> train, double weight, List<ModelCard.DataFile> files) {

    public DyadObjective {
        train = List.copyOf(train);
        files = List.copyOf(files);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("a dyad objective needs labelled pairs");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the dyad loss weight must be above 0, got " + weight);
        }
    }
}
