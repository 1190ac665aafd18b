package io.newsstance.finetune;

import io.newsstance.encoder.BaseEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of fine-tuning.
 *
 * @param epochs               passes over the training examples (the best epoch on dev is kept)
 * @param batchSize            examples per step
 * @param seed                 seed for head initialisation, example order and dropout
 * @param encoderLearningRate  peak AdamW learning rate of the encoder's layers
 * @param headLearningRate     peak AdamW learning rate of the head (larger: it starts from random)
 * @param warmupFraction       share of all steps over which learning rates rise linearly from 0; they then
 *                             fall linearly to 0 at the last step
 * @param weightDecay          decoupled weight decay (AdamW) of weight matrices; biases and LayerNorms have none
 * @param trainableLayers      upper encoder layers trained (1 to the encoder's layers); the embeddings and lower layers stay frozen,
 *                             so their states are computed once by ONNX Runtime
 * @param headHidden           width of the head's tanh layer
 * @param dropoutKeep          probability of keeping each pooled feature while training
 * @param checkpointSteps      steps between checkpoints (one is also written at each epoch's end)
 * @param input                what the encoder reads per target (one pass per target or per sentence); with
 *                             {@link TargetInput#SENTENCE} a step holds {@code batchSize} sentences and all their
 *                             targets, with {@link TargetInput#SEGMENT} {@code batchSize} pairs
 */
public record FineTuneSettings(int epochs, int batchSize, long seed, double encoderLearningRate,
                               double headLearningRate, double warmupFraction, double weightDecay,
                               int trainableLayers, int headHidden, double dropoutKeep, int checkpointSteps,
                               TargetInput input) {

    public static final FineTuneSettings DEFAULT = new FineTuneSettings(3, 32, 42, 1e-4, 1e-3, 0.1, 0.01, 2, 256,
            0.9, 50, TargetInput.SENTENCE);

    /** Settings of a pair ("sentence [SEP] mention") model, as models trained before one-pass models were. */
    public FineTuneSettings(int epochs, int batchSize, long seed, double encoderLearningRate,
                            double headLearningRate, double warmupFraction, double weightDecay,
                            int trainableLayers, int headHidden, double dropoutKeep, int checkpointSteps) {
        this(epochs, batchSize, seed, encoderLearningRate, headLearningRate, warmupFraction, weightDecay,
                trainableLayers, headHidden, dropoutKeep, checkpointSteps, TargetInput.SEGMENT);
    }

    public FineTuneSettings {
        if (epochs < 1 || batchSize < 1 || encoderLearningRate < 0 || headLearningRate <= 0 || warmupFraction < 0
                || warmupFraction >= 1 || weightDecay < 0 || trainableLayers < 1 || headHidden < 1
                || dropoutKeep <= 0 || dropoutKeep > 1 || checkpointSteps < 1 || input == null) {
            throw new IllegalArgumentException("invalid fine-tuning settings");
        }
    }

    /** The settings as the model card records them, for fine-tuning {@code base}. */
    public Map<String, Object> toMap(BaseEncoder base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "fine-tune");
        m.put("base_encoder", base.id());
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("encoder_learning_rate", encoderLearningRate);
        m.put("head_learning_rate", headLearningRate);
        m.put("warmup_fraction", warmupFraction);
        m.put("schedule", "linear warm-up, then linear decay to 0");
        m.put("optimizer", "adamw(beta1=0.9, beta2=0.999, eps=1e-8)");
        m.put("weight_decay", weightDecay);
        m.put("trainable_layers", trainableLayers);
        m.put("frozen", "embeddings and the lower " + (base.layers() - trainableLayers) + " layers");
        m.put("input", input.key());
        m.put("head", (input == TargetInput.SEGMENT
                ? "concat(mean(target wordpieces), [CLS]) from \"sentence [SEP] mention\", one pass per target"
                : "concat(mean(target wordpieces), mean(sentence wordpieces), [CLS]) from the sentence alone, one "
                        + "pass per sentence for all its targets")
                + " -> dropout(keep " + dropoutKeep + ") -> dense(" + headHidden + ", tanh) -> softmax(3)");
        m.put("batch", input == TargetInput.SEGMENT ? batchSize + " pairs" : batchSize + " sentences with all their targets");
        m.put("length_bucketing", "sequences sorted by length within shuffled pools of 50 batches");
        return m;
    }
}
