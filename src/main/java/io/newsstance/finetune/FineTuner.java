package io.newsstance.finetune;

import io.newsstance.api.Polarity;
import io.newsstance.data.StanceExample;
import io.newsstance.encoder.BaseEncoder;
import io.newsstance.encoder.EncoderDelta;
import io.newsstance.encoder.EncoderIdentity;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.encoder.OnnxWeights;
import io.newsstance.evaluation.Evaluator;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.training.BestEpoch;
import io.newsstance.training.ProgressBar;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fine-tunes the upper layers of all-MiniLM-L6-v2 together with a target head (see {@link TargetStanceGraph}) on
 * labelled (sentence, target) pairs: each read as "sentence [SEP] mention" ({@link TargetInput#SEGMENT}), or each
 * sentence read once for all its targets ({@link TargetInput#SENTENCE}).
 *
 * <p>The embeddings and lower layers stay frozen, so ONNX Runtime computes the states entering the first trained
 * layer once per example (a graph exposing that layer's input, {@link OnnxWeights#exposing}); SameDiff then
 * trains only what changes. Steps run on length-bucketed batches under linear warm-up and decay, with AdamW at
 * a smaller rate for the encoder than for the head. The epoch with the best dev macro-F1 is kept. A checkpoint
 * (weights, optimiser moments, step, dev history) is written every {@code checkpointSteps} steps and at each
 * epoch's end; a run started with the same data and settings resumes from it, and gives the same result as an
 * uninterrupted run (the example order and dropout masks are functions of the seed, epoch and step).
 */
public final class FineTuner {

    /** Batches per pool within which examples are sorted by length before being cut into batches. */
    static final int BUCKET_POOL_BATCHES = 50;
    private static final int EVAL_BATCH = 64;
    static final long NATIVE_SLACK_BYTES = 3L << 30;

    private final FineTuneSettings settings;
    private final BaseEncoder base;
    private final MiniLmConfig config;
    private final PrintStream log;
    private final Path checkpointFile;
    private final DyadObjective dyads;
    private final GraphFeed feeds;
    /** Tests: stop (as if killed) once this many steps are done. */
    private long stopAfterSteps = Long.MAX_VALUE;

    /** @param checkpointFile where to keep the checkpoint, or null for none */
    public FineTuner(FineTuneSettings settings, PrintStream log, Path checkpointFile) {
        this(settings, BaseEncoder.MINILM_L6, log, checkpointFile);
    }

    /** Fine-tunes {@code base}'s upper layers. */
    public FineTuner(FineTuneSettings settings, BaseEncoder base, PrintStream log, Path checkpointFile) {
        this(settings, base, log, checkpointFile, null);
    }

    /** Fine-tunes {@code base}'s upper layers, with the auxiliary dyad objective {@code dyads} (null for none). */
    public FineTuner(FineTuneSettings settings, BaseEncoder base, PrintStream log, Path checkpointFile,
                     DyadObjective dyads) {
        this.settings = settings;
        this.dyads = dyads;
        this.base = base;
        this.config = MiniLmConfig.of(base);
        this.log = log;
        this.checkpointFile = checkpointFile;
        this.feeds = new GraphFeed(settings, config.hidden());
        if (settings.trainableLayers() > config.layers()) {
            throw new IllegalArgumentException("the encoder has " + config.layers() + " layers; cannot train "
                    + settings.trainableLayers());
        }
    }

    /** For tests of resuming: throw {@link StoppedForTest} once {@code steps} steps are done. */
    void stopAfterSteps(long steps) {
        this.stopAfterSteps = steps;
    }

    static final class StoppedForTest extends RuntimeException {
        StoppedForTest(long step) {
            super("stopped after step " + step);
        }
    }

    /** What fine-tuning produced: the encoder's trained weights and the head's, from the best epoch. */
    public record Result(EncoderDelta encoder, Map<String, INDArray> headWeights,
                         List<Double> devMacroF1, int bestEpoch, int epochsRun, long prepareSeconds,
                         long trainSeconds, double devMacroF1SameDiff, float[][] devProbabilities,
                         Map<String, Object> dyadObjective, long resumedAtStep, double secondsBeforeResume) {
    }

    public Result train(List<StanceExample> train, List<StanceExample> dev) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        int first = config.layers() - settings.trainableLayers();
        long started = System.nanoTime();
        byte[] baseGraph = MiniLmEncoder.baseModel(base);
        OnnxWeights weights = OnnxWeights.read(baseGraph);
        List<FrozenStates.Prepared> trainSet;
        List<FrozenStates.Prepared> devSet;
        FrozenStates.DyadSequences dyadPrepared = new FrozenStates.DyadSequences(List.of(), 0);
        String lowerOutput = first == 0 ? "/embeddings/LayerNorm/Add_1_output_0"
                : "/encoder/layer." + (first - 1) + "/output/LayerNorm/Add_1_output_0";
        byte[] exposing = weights.exposing(lowerOutput);
        try (MiniLmEncoder lower = MiniLmEncoder.load(base, exposing, new EncoderIdentity(base.id() + "@"
                + lowerOutput, io.newsstance.model.ModelFile.sha256(exposing)), lowerOutput,
                Runtime.getRuntime().availableProcessors())) {
            trainSet = new FrozenStates(settings.input(), log).prepare(lower, train, "train");
            devSet = new FrozenStates(settings.input(), log).prepare(lower, dev, "dev");
            if (dyads != null) {
                dyadPrepared = FrozenStates.prepareDyads(lower, dyads.train(), log);
            }
        }
        long prepareSeconds = Math.round((System.nanoTime() - started) / 1e9);

        Map<String, INDArray> init = new LinkedHashMap<>();
        for (int layer = first; layer < config.layers(); layer++) {
            for (String name : MiniLmGraph.layerWeights(layer)) {
                init.put(name, Nd4j.create(weights.values(name), weights.shape(name)).castTo(DataType.FLOAT));
            }
        }
        int parts = settings.input().parts();
        init.putAll(initialHead(parts, settings.headHidden(), settings.seed()));
        if (dyads != null) {
            initialHead(TargetStanceGraph.DYAD_PARTS, settings.headHidden(), settings.seed() + 1).forEach(
                    (name, value) -> init.put(name.replaceFirst("^head\\.", "dyad."), value));
        }
        TargetStanceGraph graph = new TargetStanceGraph(config, first, parts, init, dyads == null ? 0 : dyads.weight());
        java.util.Set<String> encoderWeights = java.util.Set.copyOf(graph.encoderWeights());
        List<String> outputs = dyads == null ? List.of(TargetStanceGraph.LOSS)
                : List.of(TargetStanceGraph.LOSS, TargetStanceGraph.DYAD_LOSS);
        List<FrozenStates.DyadSequence> dyadSet = dyadPrepared.sequences();
        int[] dyadLengths = dyadSet.stream().mapToInt(FrozenStates.DyadSequence::length).toArray();
        AdamW adam = new AdamW();

        int batchesPerEpoch = (trainSet.size() + settings.batchSize() - 1) / settings.batchSize();
        long totalSteps = (long) batchesPerEpoch * settings.epochs();
        long warmupSteps = Math.round(totalSteps * settings.warmupFraction());
        Checkpoint.State state = new Checkpoint.State(0, new ArrayList<>(), -1, null, 0);
        String fingerprint = fingerprint(train, dev, dyads);
        if (checkpointFile != null) {
            Checkpoint.State resumed = Checkpoint.read(checkpointFile, fingerprint, graph, adam);
            if (resumed != null) {
                state = resumed;
                log.printf(Locale.ROOT, "fine-tune: resuming from %s at step %d of %d%n", checkpointFile,
                        state.step(), totalSteps);
            }
        }
        long trainStarted = System.nanoTime();
        long resumedAtStep = state.step();
        double secondsBefore = state.seconds();
        for (int epoch = (int) (state.step() / batchesPerEpoch); epoch < settings.epochs(); epoch++) {
            List<int[]> batches = batches(trainSet, epoch);
            List<int[]> dyadBatches = DyadSchedule.batches(batches.stream().mapToInt(batch -> Arrays.stream(batch)
                    .map(i -> trainSet.get(i).length()).max().orElse(0)).toArray(), dyadLengths, settings.seed(), epoch);
            ProgressBar bar = new ProgressBar(log, String.format(Locale.ROOT, "fine-tune epoch %d/%d",
                    epoch + 1, settings.epochs()), batches.size());
            double lossSum = 0;
            double dyadLossSum = 0;
            int lossCount = 0;
            for (int b = (int) (state.step() - (long) epoch * batchesPerEpoch); b < batches.size(); b++) {
                long step = (long) epoch * batchesPerEpoch + b;
                double scale = step < warmupSteps ? (step + 1.0) / warmupSteps
                        : Math.max(0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
                Map<String, INDArray> feed = feeds.feed(trainSet, batches.get(b), dyadSet, dyadBatches.get(b), true,
                        step);
                var outAndGrad = graph.sameDiff().calculateGradientsAndOutputs(feed, outputs, graph.trainableWeights());
                double loss = outAndGrad.getOutputs().get(TargetStanceGraph.LOSS).getDouble(0);
                if (dyads != null) {
                    dyadLossSum += outAndGrad.getOutputs().get(TargetStanceGraph.DYAD_LOSS).getDouble(0);
                }
                for (String name : graph.trainableWeights()) {
                    boolean head = !encoderWeights.contains(name);
                    double rate = (head ? settings.headLearningRate() : settings.encoderLearningRate()) * scale;
                    boolean matrix = graph.weight(name).rank() == 2;
                    adam.update(name, graph.weight(name), outAndGrad.getGradients().get(name), rate,
                            matrix ? settings.weightDecay() : 0);
                }
                adam.endStep();
                releaseNativeMemory();
                lossSum += loss;
                lossCount++;
                state = new Checkpoint.State(step + 1, state.devMacroF1(), state.bestEpoch(), state.best(),
                        secondsBefore + (System.nanoTime() - trainStarted) / 1e9);
                bar.update(b + 1, dyads == null ? String.format(Locale.ROOT, "loss %.4f", lossSum / lossCount)
                        : String.format(Locale.ROOT, "loss %.4f, dyad loss %.4f", lossSum / lossCount,
                        dyadLossSum / lossCount));
                if (checkpointFile != null && (step + 1) % settings.checkpointSteps() == 0 && b + 1 < batches.size()) {
                    Checkpoint.write(checkpointFile, fingerprint, state, graph, adam);
                }
                if (step + 1 >= stopAfterSteps) {
                    throw new StoppedForTest(step + 1);
                }
            }
            double f1 = devSet.isEmpty() ? Double.NaN : macroF1(dev, probabilities(graph, devSet, dev.size()));
            BestEpoch track = new BestEpoch(state.devMacroF1(), Math.max(0, state.bestEpoch())).next(f1);
            boolean better = track.lastImproved();
            Map<String, INDArray> best = better ? snapshot(graph) : state.best();
            state = new Checkpoint.State(state.step(), track.history(), track.bestEpoch(), best,
                    secondsBefore + (System.nanoTime() - trainStarted) / 1e9);
            log.printf(Locale.ROOT, "fine-tune epoch %d: train loss %.4f%s, dev macro-F1 %.4f%s%n", epoch + 1,
                    lossSum / Math.max(1, lossCount), dyads == null ? "" : String.format(Locale.ROOT,
                            ", dyad loss %.4f", dyadLossSum / Math.max(1, lossCount)), f1, better ? " (best)" : "");
            if (checkpointFile != null) {
                Checkpoint.write(checkpointFile, fingerprint, state, graph, adam);
            }
        }
        long trainSeconds = Math.round(secondsBefore + (System.nanoTime() - trainStarted) / 1e9);
        Map<String, INDArray> best = state.best() != null ? state.best() : snapshot(graph);
        for (String name : graph.trainableWeights()) {
            graph.weight(name).assign(best.get(name));
        }
        // The encoder is stored as half-precision differences from the base: evaluate exactly those weights.
        Map<String, float[]> trained = new LinkedHashMap<>();
        for (String name : graph.encoderWeights()) {
            trained.put(name, best.get(name).dup().data().asFloat());
        }
        EncoderDelta delta = EncoderDelta.of(new EncoderIdentity(base.id(),
                io.newsstance.model.ModelFile.sha256(baseGraph)), trained, weights::values);
        delta.weights().forEach((name, values) -> graph.weight(name).assign(
                Nd4j.create(values, graph.weight(name).shape(), 'c')));
        float[][] devProbabilities = probabilities(graph, devSet, dev.size());
        double bestF1 = devSet.isEmpty() ? Double.NaN : macroF1(dev, devProbabilities);
        Map<String, INDArray> head = new LinkedHashMap<>();
        for (String name : graph.headWeights()) {
            head.put(name, best.get(name).dup());
        }
        Map<String, Object> dyadNote = dyads == null ? Map.of()
                : dyads.note(dyadPrepared, DyadSchedule.perStep(dyadSet.size(), batchesPerEpoch), settings);
        return new Result(delta, head, state.devMacroF1(), Math.max(1, state.bestEpoch()),
                state.devMacroF1().size(), prepareSeconds, trainSeconds, bestF1, devProbabilities, dyadNote,
                resumedAtStep, secondsBefore);
    }

    /**
     * A step's activations and gradients live off-heap and are freed when the JVM collects their Java handles,
     * which are tiny: under a large young generation gigabytes pile up between collections (measured: 24 GB
     * resident and the process killed). Collect when the process holds more than {@link #NATIVE_SLACK_BYTES}
     * beyond the Java heap. (Running with -XX:+UseSerialGC -Xmn32m, as models/train-default.sh does, collects
     * often enough by itself, and made steps about 3 times faster in a probe.)
     */
    private static void releaseNativeMemory() {
        long beyondHeap = org.bytedeco.javacpp.Pointer.physicalBytes() - Runtime.getRuntime().totalMemory();
        if (beyondHeap > NATIVE_SLACK_BYTES) {
            System.gc();
        }
    }

    /**
     * The epoch's batches: examples shuffled (seed, epoch), sorted by length within pools of {@link
     * #BUCKET_POOL_BATCHES} batches so that a batch pads little, then the batches shuffled.
     */
    List<int[]> batches(List<FrozenStates.Prepared> examples, int epoch) {
        Random random = new Random(settings.seed() * 1_000_003L + epoch);
        List<Integer> order = new ArrayList<>(IntStream.range(0, examples.size()).boxed().toList());
        Collections.shuffle(order, random);
        int pool = settings.batchSize() * BUCKET_POOL_BATCHES;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += pool) {
            List<Integer> part = new ArrayList<>(order.subList(from, Math.min(order.size(), from + pool)));
            part.sort(Comparator.comparingInt(i -> examples.get(i).length()));
            for (int b = 0; b < part.size(); b += settings.batchSize()) {
                batches.add(part.subList(b, Math.min(part.size(), b + settings.batchSize())).stream()
                        .mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** Class probabilities of every example ({@code count} of them, in their order), from the graph as it is now. */
    float[][] probabilities(TargetStanceGraph graph, List<FrozenStates.Prepared> examples, int count) {
        Integer[] order = IntStream.range(0, examples.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> examples.get(i).length()));
        float[][] out = new float[count][];
        for (int from = 0; from < order.length; from += EVAL_BATCH) {
            int[] batch = Arrays.stream(order, from, Math.min(order.length, from + EVAL_BATCH))
                    .mapToInt(Integer::intValue).toArray();
            float[][] p = graph.probabilities(feeds.feed(examples, batch, false, 0)).toFloatMatrix();
            int row = 0;
            for (int b : batch) {
                for (int example : examples.get(b).examples()) {
                    out[example] = p[row++];
                }
            }
        }
        return out;
    }

    private static double macroF1(List<StanceExample> examples, float[][] p) {
        List<Polarity> gold = new ArrayList<>();
        List<Polarity> predicted = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            gold.add(examples.get(i).stance());
            int arg = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][arg]) {
                    arg = c;
                }
            }
            predicted.add(Polarity.values()[arg]);
        }
        return new Evaluator().evaluate(gold, predicted).macroF1();
    }

    /** Glorot-normal head weights over {@code parts} pooled states, zero biases, from the seed. */
    static Map<String, INDArray> initialHead(int parts, int hidden, long seed) {
        int in = parts * MiniLmConfig.MINILM_L6.hidden();
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> head = new LinkedHashMap<>();
        head.put(TargetStanceGraph.HEAD_HIDDEN_W, Nd4j.randn(DataType.FLOAT, in, hidden).muli(Math.sqrt(2.0 / (in + hidden))));
        head.put(TargetStanceGraph.HEAD_HIDDEN_B, Nd4j.zeros(DataType.FLOAT, hidden));
        head.put(TargetStanceGraph.HEAD_OUT_W, Nd4j.randn(DataType.FLOAT, hidden, TargetStanceGraph.CLASSES)
                .muli(Math.sqrt(2.0 / (hidden + TargetStanceGraph.CLASSES))));
        head.put(TargetStanceGraph.HEAD_OUT_B, Nd4j.zeros(DataType.FLOAT, TargetStanceGraph.CLASSES));
        return head;
    }

    private static Map<String, INDArray> snapshot(TargetStanceGraph graph) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (String name : graph.trainableWeights()) {
            copy.put(name, graph.weight(name).dup());
        }
        return copy;
    }

    /** What a checkpoint must match to be resumed: the settings and every example. */
    private String fingerprint(List<StanceExample> train, List<StanceExample> dev, DyadObjective dyads) {
        StringBuilder sb = new StringBuilder(settings.toString()).append('\n');
        for (List<StanceExample> part : List.of(train, dev)) {
            for (StanceExample e : part) {
                sb.append(e.sentence()).append('\t').append(e.target()).append('\t').append(e.stance()).append('\n');
            }
            sb.append("--\n");
        }
        if (dyads != null) { // a run without dyads keeps the fingerprint it had before they existed
            sb.append("dyads ").append(dyads.weight()).append('\n');
            for (var d : dyads.train()) {
                sb.append(d.sentence()).append('\t').append(d.source()).append('\t').append(d.target()).append('\t')
                        .append(d.stance()).append('\n');
            }
        }
        return io.newsstance.model.ModelFile.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
