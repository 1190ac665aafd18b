package io.newsstance.finetune;

import io.newsstance.data.DyadExample;
import io.newsstance.model.ModelCard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            throw new IllegalArgumentException("the dyad loss weight must be above 0 and finite, got " + weight);
        }
    }

    /** The model card's note on the objective as a run used it. */
    Map<String, Object> note(FrozenStates.DyadSequences prepared, int perStep, FineTuneSettings settings) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("weight", weight);
        note.put("files", files);
        note.put("pairs", train.size() - prepared.skipped());
        note.put("pairs_past_the_wordpiece_cut_left_out", prepared.skipped());
        note.put("sentences", prepared.sequences().size());
        note.put("sentences_per_step", perStep);
        note.put("head", "concat(mean(source), mean(target), mean(sentence), [CLS], mean(between)) -> dropout(keep "
                + settings.dropoutKeep() + ") -> dense(" + settings.headHidden() + ", tanh) -> softmax(3); "
                + "trained with the stance loss + weight x dyad loss, then dropped: the served dyad head is trained "
                + "on the tuned encoder afterwards (train-dyads)");
        return note;
    }
}
