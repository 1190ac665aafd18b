package io.newsstance.training;

import io.newsstance.model.StanceModel;

/**
 * A trainer produces a {@link StanceModel} from {@link TrainingData} (Tribuo's shape: a trainer makes a model, a
 * model makes predictions, an evaluator makes an evaluation). The model's card records the data, the settings,
 * the epochs and the dev metrics; callers add test metrics with {@code model.withCard(card.withMetric(…))}.
 *
 * <p>Implementations: {@link FrozenEncoderTrainer} (DL4J heads over the frozen encoder's features) and
 * {@code io.newsstance.finetune.FineTuneTrainer} (the encoder's upper layers and the head fine-tuned in SameDiff).
 */
public interface StanceTrainer {

    /** Trains a model; the same data, settings and seed give the same model and metrics. */
    StanceModel train(TrainingData data);
}
