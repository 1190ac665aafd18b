package io.newsstance.training;

import io.newsstance.api.Polarity;
import io.newsstance.evaluation.Evaluation;
import io.newsstance.evaluation.Evaluator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains one three-class DL4J head (a dense ReLU layer and a softmax output) on standardised feature vectors,
 * with Adam, shuffled minibatches and early stopping on dev macro-F1: the weights of the best dev epoch are
 * kept. Deterministic for a given seed and data (weight init, dropout and minibatch order are seeded).
 */
public final class HeadTrainer {

    /** The trained network and how training went. */
    public record Result(MultiLayerNetwork network, int epochsRun, int bestEpoch, double bestDevMacroF1,
                  List<Double> trainLoss, List<Double> devMacroF1) {
    }

    private final TrainingSettings settings;
    private final PrintStream log;

    HeadTrainer(TrainingSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    Result train(String name, float[][] x, List<Polarity> y, float[][] devX, List<Polarity> devY) {
        return train(name, x, y, devX, devY, null);
    }

    /**
     * As {@link #train(String, float[][], List, float[][], List)}, with the cross-entropy of each class weighted by
     * {@code classWeights} (in {@link Polarity} order; null: unweighted).
     */
    Result train(String name, float[][] x, List<Polarity> y, float[][] devX, List<Polarity> devY,
                 double[] classWeights) {
        Nd4j.getRandom().setSeed(settings.seed());
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(x[0].length, classWeights));
        net.init();
        Random order = new Random(settings.seed());
        int n = x.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        INDArray best = net.params().dup();
        BestEpoch track = BestEpoch.start();
        int epoch = 0;
        List<Double> losses = new ArrayList<>();
        int batches = (n + settings.batchSize() - 1) / settings.batchSize();
        boolean hasDev = devX != null && devX.length > 0;
        while (epoch < settings.epochs()) {
            epoch++;
            shuffle(idx, order);
            ProgressBar bar = new ProgressBar(log, String.format(Locale.ROOT, "%s epoch %2d/%d", name, epoch,
                    settings.epochs()), batches);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * settings.batchSize();
                int to = Math.min(n, from + settings.batchSize());
                float[][] bx = new float[to - from][];
                float[][] by = new float[to - from][3];
                for (int i = from; i < to; i++) {
                    bx[i - from] = x[idx[i]];
                    by[i - from][y.get(idx[i]).ordinal()] = 1f;
                }
                net.fit(new DataSet(Nd4j.create(bx), Nd4j.create(by)));
                lossSum += net.score();
                bar.update(b + 1, String.format(Locale.ROOT, "loss %.4f", lossSum / (b + 1)));
            }
            double loss = lossSum / batches;
            losses.add(loss);
            if (!hasDev) {
                best = net.params().dup();
                track = track.next(Double.NaN);
                log.printf(Locale.ROOT, "%s epoch %d: loss %.4f%n", name, epoch, loss);
                continue;
            }
            track = track.next(macroF1(net, devX, devY));
            boolean improved = track.lastImproved();
            log.printf(Locale.ROOT, "%s epoch %d: loss %.4f, dev macro-F1 %.4f%s%n", name, epoch, loss,
                    track.history().get(epoch - 1), improved ? " (best)" : "");
            if (improved) {
                best = net.params().dup();
            } else if (track.stalled(settings.patience())) {
                log.printf(Locale.ROOT, "%s: no better dev macro-F1 for %d epochs, stopping; keeping epoch %d%n",
                        name, settings.patience(), track.bestEpoch());
                break;
            }
        }
        net.setParams(best);
        return new Result(net, epoch, track.bestEpoch(), hasDev ? track.bestScore() : -1,
                losses, hasDev ? track.history() : List.of());
    }

    private MultiLayerConfiguration configuration(int inputs, double[] classWeights) {
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(new Adam(settings.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .l2(settings.l2())
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(settings.hidden()).activation(Activation.RELU)
                        .dropOut(settings.dropoutKeep()).build())
                .layer(new OutputLayer.Builder(classWeights == null ? new LossMCXENT()
                        : new LossMCXENT(Nd4j.create(classWeights))).nIn(settings.hidden()).nOut(3)
                        .activation(Activation.SOFTMAX).dropOut(Math.min(1.0, settings.dropoutKeep() + 0.2)).build())
                .build();
    }

    static double macroF1(MultiLayerNetwork net, float[][] x, List<Polarity> y) {
        INDArray out = net.output(Nd4j.create(x), false);
        INDArray argmax = out.argMax(1);
        List<Polarity> predicted = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            predicted.add(Polarity.values()[argmax.getInt(i)]);
        }
        Evaluation e = new Evaluator().evaluate(y, predicted);
        return e.macroF1();
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
