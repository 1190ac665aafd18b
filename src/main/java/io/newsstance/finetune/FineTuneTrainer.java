package io.newsstance.finetune;

import io.newsstance.api.Prediction;
import io.newsstance.api.Version;
import io.newsstance.encoder.BaseEncoder;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.encoder.TokenEncoder;
import io.newsstance.io.Decimals;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.FeatureSettings;
import io.newsstance.model.ModelCard;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Standardizer;
import io.newsstance.evaluation.ModelEvaluator;
import io.newsstance.training.SentimentHeadTrainer;
import io.newsstance.training.StanceTrainer;
import io.newsstance.training.TrainingData;
import io.newsstance.training.TrainingSettings;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Produces a fine-tuned {@link StanceModel}: {@link FineTuner} trains the upper encoder layers and the target
 * head in SameDiff; the trained layers are written back into the ONNX graph (served by ONNX Runtime, like the
 * frozen encoder), the head becomes a DL4J network, and a sentence-sentiment head is trained on the fine-tuned
 * encoder's sentence states. The result is an ordinary StanceModel that {@code ModelFile} stores with only the
 * weights that differ from the base encoder.
 */
public final class FineTuneTrainer implements StanceTrainer {

    /** Name of the default base's fine-tuned encoder (see {@link #encoderName}). */
    public static final String ENCODER_NAME = encoderName(BaseEncoder.MINILM_L6);

    private final FineTuneSettings settings;
    private final MiniLmEncoder base;
    private final FeatureCache cache;
    private final PrintStream log;
    private final Path checkpoint;
    private final DyadObjective dyads;

    public FineTuneTrainer(FineTuneSettings settings, MiniLmEncoder base, FeatureCache cache, PrintStream log,
                           Path checkpoint) {
        this(settings, base, cache, log, checkpoint, null);
    }

    /** With {@code dyads} (null for none), the encoder also learns the auxiliary dyad objective. */
    public FineTuneTrainer(FineTuneSettings settings, MiniLmEncoder base, FeatureCache cache, PrintStream log,
                           Path checkpoint, DyadObjective dyads) {
        this.dyads = dyads;
        this.settings = settings;
        this.base = base;
        this.cache = cache;
        this.log = log;
        this.checkpoint = checkpoint;
    }

    @Override
    public StanceModel train(TrainingData data) {
        long started = System.nanoTime();
        FineTuner.Result tuned = new FineTuner(settings, base.base(), log, checkpoint, dyads).train(data.train(),
                data.dev());
        TokenEncoder encoder = base.withDelta(encoderName(base.base()), tuned.encoder());
        FeatureSettings features = settings.input().features();
        StanceFeaturizer featurizer = new StanceFeaturizer(encoder, features);
        MultiLayerNetwork head = headNetwork(tuned.headWeights(), settings.seed());
        int d = featurizer.dimension();
        Standardizer identity = new Standardizer(new float[d], filled(d, 1f));

        // The sentiment head is trained as for frozen models, on the fine-tuned encoder's sentence states.
        TrainingSettings sentimentSettings = TrainingSettings.DEFAULT.withFeatures(features);
        Optional<SentimentHeadTrainer.SentimentHead> sentiment = new SentimentHeadTrainer(sentimentSettings, cache,
                log).train(featurizer, data);

        ModelCard.Builder card = new ModelCard.Builder(Version.get())
                .data(data.trainingFiles(), data.devFiles(), data.devFraction())
                .settings(settings.toMap(base.base()), settings.seed())
                .epochs(tuned.epochsRun(), tuned.bestEpoch())
                .trainLabelCounts(data.trainLabelCounts())
                .note("frozen_layer_seconds", tuned.prepareSeconds())
                .note("fine_tune_seconds", tuned.trainSeconds())
                .devMacroF1PerEpoch(tuned.devMacroF1().stream().map(f1 -> Decimals.round(f1)).toList())
                .note("encoder_replaced_parameters", tuned.encoder().parameters());
        if (tuned.resumedAtStep() > 0) {
            // fine_tune_seconds and train_seconds then add the earlier runs' training time to this one's
            card.note("fine_tune_resumed_at_step", tuned.resumedAtStep());
        }
        if (!tuned.dyadObjective().isEmpty()) {
            card.note("dyad_objective", tuned.dyadObjective());
        }
        sentiment.ifPresent(h -> {
            Map<String, Object> sentimentHead = new LinkedHashMap<>(sentimentSettings.toMap());
            sentimentHead.put("features", "mean of the sentence's wordpieces + [CLS], the sentence encoded alone");
            card.sentimentHead(h.result().epochsRun(), h.result().bestEpoch(), h.sentences(), sentimentHead);
        });
        StanceModel model = new StanceModel(featurizer, head, identity,
                sentiment.map(h -> h.result().network()).orElse(null),
                sentiment.map(SentimentHeadTrainer.SentimentHead::standardizer).orElse(null), card.build());
        ModelCard finished = model.card();
        if (!data.dev().isEmpty()) {
            // Through ONNX Runtime, as score and eval will run it: agreement with SameDiff checks the export.
            List<Prediction> served = model.predictFeatures(cache.targetFeatures(featurizer,
                    ModelEvaluator.targets(data.dev())));
            finished = new ModelEvaluator(cache).withDevMetrics(model, data.dev())
                    .withNote("export_max_abs_probability_difference", maxDifference(tuned.devProbabilities(), served))
                    .withNote("dev_macro_f1_samediff", Decimals.round(tuned.devMacroF1SameDiff()));
        }
        return model.withCard(finished.withNote("train_seconds",
                Math.round(tuned.secondsBeforeResume() + (System.nanoTime() - started) / 1e9)));
    }

    /** Name of a fine-tuned encoder of {@code base}; its identity's sha256 is that of base and delta. */
    public static String encoderName(BaseEncoder base) {
        return base.id() + "+fine-tuned";
    }

    /** The head as a DL4J network with the fine-tuned weights: dense(tanh) then softmax, as in the graph. */
    static MultiLayerNetwork headNetwork(Map<String, INDArray> head, long seed) {
        INDArray w1 = head.get(TargetStanceGraph.HEAD_HIDDEN_W);
        INDArray w2 = head.get(TargetStanceGraph.HEAD_OUT_W);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(w1.size(0)).nOut(w1.size(1)).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(w2.size(0)).nOut(w2.size(1))
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.setParam("0_W", w1.castTo(DataType.FLOAT));
        net.setParam("0_b", head.get(TargetStanceGraph.HEAD_HIDDEN_B).reshape(1, w1.size(1)).castTo(DataType.FLOAT));
        net.setParam("1_W", w2.castTo(DataType.FLOAT));
        net.setParam("1_b", head.get(TargetStanceGraph.HEAD_OUT_B).reshape(1, w2.size(1)).castTo(DataType.FLOAT));
        return net;
    }

    private static double maxDifference(float[][] sameDiff, List<Prediction> served) {
        double max = 0;
        for (int i = 0; i < sameDiff.length; i++) {
            Prediction p = served.get(i);
            double[] q = {p.pNegative(), p.pNeutral(), p.pPositive()};
            for (int c = 0; c < q.length; c++) {
                max = Math.max(max, Math.abs(sameDiff[i][c] - q[c]));
            }
        }
        return max;
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

}
