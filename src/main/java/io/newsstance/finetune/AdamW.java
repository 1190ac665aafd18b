package io.newsstance.finetune;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) over named weights, with the learning rate given per weight and per step, so
 * that the encoder and the head can learn at different rates under one schedule. Updates the weights in place.
 * Its moments are part of a checkpoint.
 */
public final class AdamW {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final Map<String, INDArray> first = new LinkedHashMap<>();
    private final Map<String, INDArray> second = new LinkedHashMap<>();
    private long steps;

    /**
     * One step: {@code weight -= rate * (m̂ / (sqrt(v̂) + eps) + decay * weight)}.
     *
     * @param decay weight decay for this weight (0 for biases and LayerNorms)
     */
    public void update(String name, INDArray weight, INDArray gradient, double rate, double decay) {
        INDArray m = first.computeIfAbsent(name, k -> weight.ulike().assign(0));
        INDArray v = second.computeIfAbsent(name, k -> weight.ulike().assign(0));
        long t = steps + 1;
        m.muli(BETA1).addi(gradient.mul(1 - BETA1));
        v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        INDArray step = m.div(correction1).divi(Transforms.sqrt(v.div(correction2), false).addi(EPSILON));
        if (decay > 0) {
            step.addi(weight.mul(decay));
        }
        weight.subi(step.muli(rate));
    }

    /** Marks the end of a step (all weights updated). */
    public void endStep() {
        steps++;
    }

    public long steps() {
        return steps;
    }

    public Map<String, INDArray> firstMoments() {
        return first;
    }

    public Map<String, INDArray> secondMoments() {
        return second;
    }

    /** Restores a checkpointed state. */
    public void restore(long steps, Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments) {
        this.steps = steps;
        first.clear();
        first.putAll(firstMoments);
        second.clear();
        second.putAll(secondMoments);
    }
}
