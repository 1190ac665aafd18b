package io.newsstance.bench;

import io.newsstance.StanceClassifier;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.BadInputException;
import io.newsstance.api.SentenceResult;
import io.newsstance.bench.BenchReport.Latency;
import io.newsstance.bench.BenchReport.Throughput;
import io.newsstance.bench.BenchReport.Training;
import io.newsstance.data.StanceExample;
import io.newsstance.data.TrainingDataReader;
import io.newsstance.evaluation.VaderBaseline;
import io.newsstance.input.ArticleFormat;
import io.newsstance.input.ArticleInputs;
import io.newsstance.input.ArticleRecord;
import io.newsstance.io.Decimals;
import io.newsstance.model.FeatureCache;
import io.newsstance.model.FeatureSettings;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.Target;
import io.newsstance.training.FrozenEncoderTrainer;
import io.newsstance.training.TrainingData;
import io.newsstance.training.TrainingSettings;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures a {@link StanceClassifier}: scoring throughput on the sample articles (sentences/s and mentions/s)
 * with the VADER baseline on the same sentences in the same run (so their ratio holds on a noisy machine),
 * article latency for short (5 sentences) and long (60 sentences) articles, the time per epoch of the DL4J stance
 * head on cached features of a fixed slice of the training data, and peak heap and GC per phase. Every timing is
 * a median (or percentile) over {@code iterations} runs after {@code warmup} unmeasured ones.
 */
public final class Bench {

    /** Sentences per article for the two latency figures. */
    public static final int SHORT_SENTENCES = 5;
    public static final int LONG_SENTENCES = 60;
    /** Articles scored per iteration for each latency figure. */
    static final int SHORT_PER_ITERATION = 16;
    static final int LONG_PER_ITERATION = 2;
    /** The short article each load time includes (a model makes its encoder session on first use). */
    private static final Article LOAD_PROBE = Article.of("bench-load", "Russia criticised NATO on Tuesday.");

    /**
     * @param warmup        unmeasured runs of each phase first (JIT, caches, ORT's memory arenas)
     * @param iterations    measured runs of each phase
     * @param threads       scoring threads (the classifier's); VADER runs on as many
     * @param articles      sample articles (directory or files, as {@code score} reads them)
     * @param trainData     labelled CSV whose first {@code trainExamples} examples are the training slice
     * @param trainExamples size of the training slice; 0 skips the training figure
     * @param cache         feature cache for the training slice
     */
    public record Options(int warmup, int iterations, int threads, Path articles, Path trainData, int trainExamples,
                          FeatureCache cache) {
        public Options {
            if (warmup < 0 || iterations < 1 || threads < 1 || trainExamples < 0) {
                throw new IllegalArgumentException("warmup >= 0, iterations >= 1, threads >= 1, trainExamples >= 0");
            }
        }
    }

    private final Options options;
    private final PrintStream progress;

    /** {@code progress} gets a line per phase (stderr in the CLI). */
    public Bench(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run(StanceClassifier classifier) {
        return run(classifier, null, null);
    }

    /**
     * Measures {@code classifier}; with a {@code comparison} (another model), its throughput too, pass for pass
     * alternating with the first on the same articles, so that their ratio holds on a noisy machine. {@code
     * load} is how long loading the model took (see {@link #loadTimes}); null when not measured.
     */
    public BenchReport run(StanceClassifier classifier, BenchReport.LoadTime load, Comparison comparison) {
        long started = System.nanoTime();
        List<Article> articles = sampleArticles(options.articles());
        Map<String, HeapMeter.Usage> heap = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "newsstance-bench-vader");
            t.setDaemon(true);
            return t;
        });
        try {
            // 1. Throughput, newsstance and VADER alternating on the same sentences.
            progress.printf(Locale.ROOT, "bench: scoring %d articles, %d + %d passes%n", articles.size(),
                    options.warmup(), options.iterations());
            HeapMeter meter = new HeapMeter().start();
            Samples passes = new Samples();
            Samples passCpu = new Samples();
            Samples vader = new Samples();
            Samples comparisonPasses = new Samples();
            Samples comparisonCpu = new Samples();
            List<String> sentences = null;
            int mentions = 0;
            for (int i = 0; i < options.warmup() + options.iterations(); i++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                List<ArticleResult> results = classifier.scoreAll(articles);
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                if (sentences == null) {
                    sentences = new ArrayList<>();
                    for (ArticleResult r : results) {
                        for (SentenceResult s : r.sentences()) {
                            sentences.add(s.text());
                            mentions += s.mentions().size();
                        }
                    }
                }
                long t2 = System.nanoTime();
                vaderAll(sentences, pool);
                long t3 = System.nanoTime();
                if (comparison != null) {
                    long c4 = processCpuNanos();
                    long t4 = System.nanoTime();
                    comparison.classifier().scoreAll(articles);
                    long t5 = System.nanoTime();
                    long c5 = processCpuNanos();
                    if (i >= options.warmup()) {
                        comparisonPasses.add((t5 - t4) / 1e9);
                        comparisonCpu.add((c5 - c4) / 1e9);
                    }
                }
                if (i >= options.warmup()) {
                    passes.add((t1 - t0) / 1e9);
                    passCpu.add((c1 - c0) / 1e9);
                    vader.add((t3 - t2) / 1e9);
                }
            }
            heap.put("scoring", meter.stop());
            Throughput throughput = new Throughput(articles.size(), sentences.size(), mentions, passes.median(),
                    passCpu.median());
            Optional<BenchReport.Compared> compared = comparison == null ? Optional.empty()
                    : Optional.of(new BenchReport.Compared(comparison.name(), describe(comparison.classifier()),
                    new Throughput(articles.size(), sentences.size(), mentions, comparisonPasses.median(),
                            comparisonCpu.median()), comparison.load()));

            // 2. Latency of single articles built from the same sentences.
            progress.printf(Locale.ROOT, "bench: latency of %d-sentence and %d-sentence articles%n", SHORT_SENTENCES,
                    LONG_SENTENCES);
            meter = new HeapMeter().start();
            Latency shortLatency = latency(classifier, sentences, SHORT_SENTENCES, SHORT_PER_ITERATION);
            Latency longLatency = latency(classifier, sentences, LONG_SENTENCES, LONG_PER_ITERATION);
            heap.put("latency", meter.stop());

            // 3. Training time per epoch on cached features.
            Optional<Training> training = Optional.empty();
            if (options.trainExamples() > 0) {
                meter = new HeapMeter().start();
                training = Optional.of(training(classifier));
                heap.put("training", meter.stop());
            }
            return new BenchReport(Machine.current(), options, describe(classifier), throughput, vader.median(),
                    shortLatency, longLatency, training, heap, Optional.ofNullable(load), compared,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A second model measured in the same run, loaded in {@code load}. */
    public record Comparison(String name, StanceClassifier classifier, BenchReport.LoadTime load) {
    }

    private static String describe(StanceClassifier classifier) {
        return "model " + classifier.model().featurizer().settings().key() + " ("
                + classifier.model().featurizer().dimension() + " dims)";
    }

    /**
     * Load times of a model: {@code firstSeconds}, the load the caller already timed (the first in this JVM, so
     * it includes ND4J's and ONNX Runtime's start-up), and the median of {@code iterations} more loads (each
     * closed again), what a long-lived process pays per model. A model's session is made on first use, so each
     * load here scores one short article too.
     */
    public BenchReport.LoadTime loadTimes(double firstSeconds, java.util.function.Supplier<StanceClassifier> load) {
        Samples again = new Samples();
        for (int i = 0; i < options.iterations(); i++) {
            long t0 = System.nanoTime();
            try (StanceClassifier c = load.get()) {
                c.score(LOAD_PROBE);
            }
            again.add((System.nanoTime() - t0) / 1e9);
        }
        return new BenchReport.LoadTime(firstSeconds, again.median(), again.count());
    }

    /** A model just loaded and how long the load and one short article took. */
    public record Loaded(StanceClassifier classifier, double seconds) {
    }

    /** Loads a model and scores one short article: the start-up a one-sentence {@code score} pays. */
    public static Loaded timeFirstLoad(java.util.function.Supplier<StanceClassifier> load) {
        long t0 = System.nanoTime();
        StanceClassifier c = load.get();
        c.score(LOAD_PROBE);
        return new Loaded(c, (System.nanoTime() - t0) / 1e9);
    }

    /** The readable articles of the sample inputs; unreadable ones are left out. */
    static List<Article> sampleArticles(Path input) {
        if (!Files.exists(input)) {
            throw new BadInputException(input + ": no such file or directory (the bench scores the sample articles "
                    + "under training-data/articles; run it from the repository root or pass --articles)");
        }
        List<Article> out = new ArrayList<>();
        try (ArticleInputs records = new ArticleInputs(List.of(input.toString()), InputStream.nullInputStream(),
                ArticleFormat.TXT)) {
            while (records.hasNext()) {
                if (records.next() instanceof ArticleRecord.Read read && !read.article().text().isBlank()) {
                    out.add(read.article());
                }
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException(input + ": no readable articles to benchmark");
        }
        return out;
    }

    /** VADER's compound score of every sentence, split over the pool's threads. */
    private void vaderAll(List<String> sentences, ExecutorService pool) {
        int n = options.threads();
        List<Future<Double>> parts = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            List<String> part = sentences.subList(sentences.size() * p / n, sentences.size() * (p + 1) / n);
            parts.add(pool.submit(() -> {
                double sum = 0;
                for (String s : part) {
                    sum += VaderBaseline.compound(s);
                }
                return sum;
            }));
        }
        for (Future<Double> f : parts) {
            await(f);
        }
    }

    /**
     * Articles of {@code size} consecutive sample sentences (paragraphs, so the splitter gives them back as
     * they are), scored one at a time on the calling thread.
     */
    private Latency latency(StanceClassifier classifier, List<String> sentences, int size, int perIteration) {
        List<Article> articles = new ArrayList<>();
        for (int a = 0; a < perIteration * Math.max(1, options.iterations()); a++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < size; k++) {
                if (k > 0) {
                    text.append("\n\n");
                }
                text.append(sentences.get((a * size + k) % sentences.size()));
            }
            articles.add(Article.of("bench-" + size + "-" + a, text.toString()));
        }
        Samples samples = new Samples();
        Samples cpu = new Samples();
        long sentenceCount = 0;
        for (int i = 0; i < options.warmup() + options.iterations(); i++) {
            boolean measured = i >= options.warmup();
            for (int a = 0; a < perIteration; a++) {
                int run = measured ? i - options.warmup() : i;
                Article article = articles.get(run * perIteration % articles.size() + a);
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                ArticleResult r = classifier.score(article);
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                if (measured) {
                    samples.add((t1 - t0) / 1e9);
                    cpu.add((c1 - c0) / 1e9);
                    sentenceCount += r.sentences().size();
                }
            }
        }
        return new Latency((double) sentenceCount / samples.count(), samples.count(), samples.median(),
                samples.percentile(95), cpu.sum() / cpu.count());
    }

    /**
     * The stance head trained on the first {@code trainExamples} examples (sentiment labels dropped, no dev set, so
     * every epoch runs and only the stance head trains) with the default hyperparameters and the model's feature
     * settings; features come from the cache (computed and stored on the first run).
     */
    private Training training(StanceClassifier classifier) {
        List<StanceExample> all = new TrainingDataReader().readAll(List.of(options.trainData()));
        List<StanceExample> slice = new ArrayList<>();
        for (StanceExample e : all.subList(0, Math.min(options.trainExamples(), all.size()))) {
            slice.add(new StanceExample(e.id(), e.sentenceId(), e.sentence(), e.target(), e.actor(), e.aliasKind(),
                    e.stance(), Optional.empty(), e.split(), e.source()));
        }
        FeatureSettings features = classifier.model().featurizer().settings();
        StanceFeaturizer featurizer = new StanceFeaturizer(classifier.model().featurizer().encoder(), features);
        progress.printf(Locale.ROOT, "bench: features of %d training examples (cached after the first run)%n",
                slice.size());
        long t0 = System.nanoTime();
        options.cache().targetFeatures(featurizer,
                slice.stream().map(e -> new Target(e.sentence(), e.target())).toList());
        double featureSeconds = (System.nanoTime() - t0) / 1e9;
        int epochs = 1 + options.warmup() + options.iterations();
        progress.printf(Locale.ROOT, "bench: training the stance head, %d epochs%n", epochs);
        TrainingSettings d = TrainingSettings.DEFAULT;
        TrainingSettings settings = new TrainingSettings(epochs, d.batchSize(), d.seed(), epochs, d.learningRate(),
                d.hidden(), d.dropoutKeep(), d.l2(), features);
        EpochClock clock = new EpochClock();
        new FrozenEncoderTrainer(settings, featurizer.encoder(), options.cache(), clock.stream())
                .train(new TrainingData(slice, List.of(), List.of(), List.of(), 0));
        List<Double> epochSeconds = clock.epochSeconds();
        Samples timed = new Samples();
        for (int i = options.warmup(); i < epochSeconds.size(); i++) {
            timed.add(epochSeconds.get(i));
        }
        return new Training(slice.size(), featurizer.dimension(), features.key(), timed.count(), timed.median(),
                featureSeconds);
    }

    /** CPU time of the whole process (every thread, native ones included), or 0 where the JVM does not say. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

}
