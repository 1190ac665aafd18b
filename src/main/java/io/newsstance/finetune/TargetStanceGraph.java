package io.newsstance.finetune;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SameDiff graph that fine-tuning trains: the upper layers of the encoder (from {@code firstTrainable} on)
 * over the states that the frozen lower layers produced, and a target head over {@code parts} pooled states per
 * target (the mean of the target's wordpieces, then optionally the mean of the sentence's, then the [CLS]
 * state). The head is dense(tanh) then softmax over the three stances.
 *
 * <p>A batch holds B encoded sequences and P targets; a sequence may hold several targets (one pass per
 * sentence) or one (one pass per "sentence [SEP] mention"). Placeholders: {@value #STATES} [B, T, H] states
 * entering layer {@code firstTrainable}; {@value #MASK} [B, T] 1 for real wordpieces; {@value #POOL}
 * [P * parts, B * T] pooling weights over the batch's flattened wordpieces (row {@code p * parts + k} is part k of
 * target p: 1/n on the target's n wordpieces, 1/m on the sentence's m wordpieces, 1 on its [CLS]); {@value #KEEP}
 * [P, parts * H] dropout mask on the pooled features (0 or 1/keep while training, all ones otherwise);
 * {@value #LABELS} [P, 3] one-hot stances (training only).
 *
 * <p>With a dyad objective (weight &gt; 0) the graph also has an auxiliary dyad head over the same trained layers:
 * for D ordered pairs, {@value #DYAD_POOL} [D * 5, B * T] pools the source's wordpieces, the target's, the
 * sentence's, [CLS] and the wordpieces between the two (the dyad head's input, {@code DyadFeaturizer}),
 * {@value #DYAD_KEEP} [D, 5 * H] and {@value #DYAD_LABELS} [D, 3] as above. The loss trained is then the stance
 * loss plus weight times the dyad loss, so the trained layers learn who acts on whom as well as how each target is
 * treated; the auxiliary head is not served (the served dyad head is trained afterwards on the tuned encoder).
 */
public final class TargetStanceGraph {

    public static final String STATES = "states";
    public static final String MASK = "mask";
    public static final String POOL = "pool";
    public static final String KEEP = "keep";
    public static final String LABELS = "labels";
    public static final String PROBABILITIES = "probabilities";
    public static final String LOSS = "loss";
    public static final String HEAD_HIDDEN_W = "head.dense.weight";
    public static final String HEAD_HIDDEN_B = "head.dense.bias";
    public static final String HEAD_OUT_W = "head.out.weight";
    public static final String HEAD_OUT_B = "head.out.bias";
    public static final int CLASSES = 3;
    public static final String DYAD_POOL = "dyad_pool";
    public static final String DYAD_KEEP = "dyad_keep";
    public static final String DYAD_LABELS = "dyad_labels";
    public static final String DYAD_LOSS = "dyad_loss";
    public static final String TOTAL_LOSS = "total_loss";
    public static final String DYAD_HIDDEN_W = "dyad.dense.weight";
    public static final String DYAD_HIDDEN_B = "dyad.dense.bias";
    public static final String DYAD_OUT_W = "dyad.out.weight";
    public static final String DYAD_OUT_B = "dyad.out.bias";
    /** Pooled states per dyad: source, target, sentence, [CLS], between. */
    public static final int DYAD_PARTS = 5;

    private final SameDiff sd;
    private final int firstTrainable;
    private final int parts;
    private final List<String> encoderWeights;
    private final List<String> headWeights = List.of(HEAD_HIDDEN_W, HEAD_HIDDEN_B, HEAD_OUT_W, HEAD_OUT_B);
    private final List<String> dyadWeights;

    /**
     * @param weights initial values of the trainable weights: the encoder's layers from {@code firstTrainable}
     *                on (HuggingFace names) and the head's four weights ({@code head.*}); all of one data type
     */
    public TargetStanceGraph(MiniLmConfig config, int firstTrainable, Map<String, INDArray> weights) {
        this(config, firstTrainable, 2, weights);
    }

    /**
     * @param parts   pooled states per target: 2 (target, [CLS]) or 3 (target, sentence mean, [CLS])
     * @param weights as above; the head's first matrix has {@code parts * hidden} rows
     */
    public TargetStanceGraph(MiniLmConfig config, int firstTrainable, int parts, Map<String, INDArray> weights) {
        this(config, firstTrainable, parts, weights, 0);
    }

    /**
     * @param dyadWeight weight of the auxiliary dyad loss, 0 for none; above 0 the weights include the dyad
     *                   head's four ({@code dyad.*}, the first with {@value #DYAD_PARTS} * hidden rows)
     */
    public TargetStanceGraph(MiniLmConfig config, int firstTrainable, int parts, Map<String, INDArray> weights,
                             double dyadWeight) {
        if (parts < 1 || dyadWeight < 0) {
            throw new IllegalArgumentException("parts must be >= 1");
        }
        this.parts = parts;
        if (firstTrainable < 0 || firstTrainable > config.layers()) {
            throw new IllegalArgumentException("first trainable layer " + firstTrainable + " is outside 0.."
                    + config.layers());
        }
        this.firstTrainable = firstTrainable;
        this.sd = SameDiff.create();
        DataType type = weights.get(HEAD_OUT_W).dataType();
        List<String> encoder = new ArrayList<>();
        for (int layer = firstTrainable; layer < config.layers(); layer++) {
            encoder.addAll(MiniLmGraph.layerWeights(layer));
        }
        this.encoderWeights = Collections.unmodifiableList(encoder);
        this.dyadWeights = dyadWeight > 0 ? List.of(DYAD_HIDDEN_W, DYAD_HIDDEN_B, DYAD_OUT_W, DYAD_OUT_B) : List.of();
        Map<String, SDVariable> vars = new LinkedHashMap<>();
        for (String name : trainableWeights()) {
            INDArray value = weights.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no initial value for " + name);
            }
            vars.put(name, sd.var(name, value.dup()));
        }
        MiniLmGraph encoderGraph = new MiniLmGraph(sd, config, name -> {
            SDVariable v = vars.get(name);
            if (v == null) {
                throw new IllegalStateException("weight " + name + " is not trainable in this graph");
            }
            return v;
        });
        SDVariable states = sd.placeHolder(STATES, type, -1, -1, config.hidden());
        SDVariable mask = sd.placeHolder(MASK, type, -1, -1);
        SDVariable pool = sd.placeHolder(POOL, type, -1, -1);
        SDVariable keep = sd.placeHolder(KEEP, type, -1, (long) parts * config.hidden());
        SDVariable labels = sd.placeHolder(LABELS, type, -1, CLASSES);
        SDVariable top = encoderGraph.layers(firstTrainable, states, encoderGraph.maskBias(mask));
        SDVariable flat = sd.reshape(top, -1, config.hidden());
        SDVariable pooled = sd.reshape(sd.mmul(pool, flat), -1, (long) parts * config.hidden()).mul(keep);
        SDVariable hidden = sd.math.tanh(pooled.mmul(vars.get(HEAD_HIDDEN_W)).add(vars.get(HEAD_HIDDEN_B)));
        SDVariable logits = hidden.mmul(vars.get(HEAD_OUT_W)).add(vars.get(HEAD_OUT_B));
        sd.nn.softmax(PROBABILITIES, logits, 1);
        SDVariable loss = sd.loss.softmaxCrossEntropy(LOSS, labels, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        if (dyadWeight > 0) {
            SDVariable dyadPool = sd.placeHolder(DYAD_POOL, type, -1, -1);
            SDVariable dyadKeep = sd.placeHolder(DYAD_KEEP, type, -1, (long) DYAD_PARTS * config.hidden());
            SDVariable dyadLabels = sd.placeHolder(DYAD_LABELS, type, -1, CLASSES);
            SDVariable dyadPooled = sd.reshape(sd.mmul(dyadPool, flat), -1, (long) DYAD_PARTS * config.hidden())
                    .mul(dyadKeep);
            SDVariable dyadHidden = sd.math.tanh(dyadPooled.mmul(vars.get(DYAD_HIDDEN_W)).add(vars.get(DYAD_HIDDEN_B)));
            SDVariable dyadLogits = dyadHidden.mmul(vars.get(DYAD_OUT_W)).add(vars.get(DYAD_OUT_B));
            SDVariable dyadLoss = sd.loss.softmaxCrossEntropy(DYAD_LOSS, dyadLabels, dyadLogits, null,
                    LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
            sd.setLossVariables(loss.add(TOTAL_LOSS, dyadLoss.mul(dyadWeight)));
        } else {
            sd.setLossVariables(loss);
        }
        createGradientsQuietly();
    }

    /**
     * Builds the gradient graph now, with System.out held back: SameDiff prints "Added differentiated op NAME"
     * to standard output for every op it differentiates (217 lines for the default model), and standard output
     * is where {@code train} writes its JSON summary. Later gradient calls reuse this graph and print nothing.
     */
    private void createGradientsQuietly() {
        java.io.PrintStream out = System.out;
        synchronized (System.class) {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction(trainableWeights().toArray(String[]::new));
            } finally {
                System.setOut(out);
            }
        }
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public int parts() {
        return parts;
    }

    public int firstTrainable() {
        return firstTrainable;
    }

    /** The encoder's trainable weights (HuggingFace names), lowest layer first. */
    public List<String> encoderWeights() {
        return encoderWeights;
    }

    public List<String> headWeights() {
        return headWeights;
    }

    /** The auxiliary dyad head's weights; none without a dyad objective. */
    public List<String> dyadWeights() {
        return dyadWeights;
    }

    public boolean hasDyadObjective() {
        return !dyadWeights.isEmpty();
    }

    public List<String> trainableWeights() {
        List<String> all = new ArrayList<>(encoderWeights);
        all.addAll(headWeights);
        all.addAll(dyadWeights);
        return all;
    }

    /** The live array of a trainable weight (updated in place by the optimiser). */
    public INDArray weight(String name) {
        return sd.getVariable(name).getArr();
    }

    /** Gradients of the mean loss over the batch with respect to every trainable weight. */
    public Map<String, INDArray> gradients(Map<String, INDArray> placeholders) {
        return sd.calculateGradients(placeholders, trainableWeights());
    }

    /** Class probabilities [B, 3] (no labels needed). */
    public INDArray probabilities(Map<String, INDArray> placeholders) {
        return sd.output(placeholders, PROBABILITIES).get(PROBABILITIES);
    }
}
