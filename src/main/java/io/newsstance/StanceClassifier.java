package io.newsstance;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.actors.Mention;
import io.newsstance.actors.MentionFinder;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleOutcome;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.DyadResult;
import io.newsstance.api.BadInputException;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;
import io.newsstance.api.Span;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.model.ModelFile;
import io.newsstance.model.DyadTarget;
import io.newsstance.model.StanceModel;
import io.newsstance.model.Target;
import io.newsstance.scoring.ActorAggregator;
import io.newsstance.scoring.DyadAggregator;
import io.newsstance.scoring.TextPipeline;
import io.newsstance.text.Sentence;
import io.newsstance.text.SentenceSplitter;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded API: scores sentences and articles with a stance model.
 *
 * <pre>{@code
 * try (StanceClassifier classifier = StanceClassifier.loadDefault()) {
 *     Prediction p = classifier.predict("Seoul condemned Pyongyang's launch.", 16, 25);
 *     ArticleResult result = classifier.score(Article.of("a1", text));
 * }
 * }</pre>
 *
 * Thread-safe: any number of threads may call any method. Each concurrent caller borrows one of a pool of
 * model copies (DL4J's network {@code output} is synchronized, so one shared network would serialise them);
 * the ONNX encoder session is shared, as ONNX Runtime allows.
 */
public final class StanceClassifier implements AutoCloseable {

    /** Where {@link #loadDefault()} looks, in order, after the {@code newsstance.model} system property. */
    public static final String DEFAULT_RESOURCE = "/newsstance/models/default.zip";

    private final MiniLmEncoder encoder;
    private final StanceModel model;
    private final TextPipeline pipeline;
    private final BlockingQueue<StanceModel> workers;
    private final int threads;
    private final ExecutorService executor;

    private StanceClassifier(MiniLmEncoder encoder, StanceModel model, ActorDictionary dictionary, int threads) {
        oneOpenMpThread();
        this.encoder = encoder;
        this.model = model;
        this.pipeline = new TextPipeline(new SentenceSplitter(), new MentionFinder(dictionary));
        this.threads = Math.max(1, threads);
        this.workers = new ArrayBlockingQueue<>(this.threads);
        workers.add(model);
        for (int i = 1; i < this.threads; i++) {
            workers.add(model.copy());
        }
        this.executor = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "newsstance-scorer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The shipped default model: the file named by the system property {@code newsstance.model} if set, else
     * the classpath resource {@value #DEFAULT_RESOURCE} (inside newsstance.jar), else {@code models/default.zip}
     * under the working directory.
     */
    public static StanceClassifier loadDefault() {
        return loadDefault(ActorDictionary.loadDefault(), defaultThreads());
    }

    /** The shipped default model with {@code dictionary} and {@code threads} scoring threads. */
    public static StanceClassifier loadDefault(ActorDictionary dictionary, int threads) {
        DefaultModel model = DefaultModel.locate();
        return load(model.bytes(), model.name(), dictionary, threads);
    }

    /** A model file ({@code train}'s output) with the built-in actor dictionary and the default thread count. */
    public static StanceClassifier load(Path modelFile) {
        return load(modelFile, ActorDictionary.loadDefault(), defaultThreads());
    }

    /** A model file with {@code dictionary} and {@code threads} scoring threads. */
    public static StanceClassifier load(Path modelFile, ActorDictionary dictionary, int threads) {
        startNd4j();
        MiniLmEncoder encoder = MiniLmEncoder.load(ModelFile.baseEncoder(modelFile), 1);
        try {
            return new StanceClassifier(encoder, ModelFile.read(modelFile, encoder), dictionary, threads);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** A classifier from model file bytes (e.g. broadcast to Spark executors); {@code name} appears in errors. */
    public static StanceClassifier load(byte[] modelBytes, String name, ActorDictionary dictionary, int threads) {
        startNd4j();
        MiniLmEncoder encoder = MiniLmEncoder.load(ModelFile.baseEncoder(modelBytes, name), 1);
        try {
            return new StanceClassifier(encoder, ModelFile.read(new java.io.ByteArrayInputStream(modelBytes), name,
                    encoder), dictionary, threads);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean ND4J_STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts ND4J's backend (native libraries, BLAS, about 0.45 s) on another thread while this one reads the
     * encoder's graph and tokenizer, which need no ND4J; the heads' networks, read after, wait for it (the JVM's
     * class initialisation lock). Took a one-sentence {@code score} from 3.3 s to X s (models/README.md, "Start-up").
     */
    private static void startNd4j() {
        if (ND4J_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    org.nd4j.linalg.factory.Nd4j.getBackend();
                } catch (Throwable e) {
                    // the main thread's own use of ND4J reports the failure
                }
            }, "nd4j-start");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The bytes of the model {@link #loadDefault()} would use, for shipping it elsewhere (Spark broadcast). */
    public static byte[] defaultModelBytes() {
        return DefaultModel.locate().bytes();
    }

    /** The one lookup of the default model: the system property, the classpath, then models/default.zip. */
    private record DefaultModel(byte[] bytes, String name) {

        static DefaultModel locate() {
            try {
                String property = System.getProperty("newsstance.model");
                if (property != null && !property.isBlank()) {
                    Path file = Path.of(property);
                    if (!Files.isRegularFile(file)) {
                        throw new BadInputException(property + ": no such model file (system property newsstance.model)");
                    }
                    return new DefaultModel(Files.readAllBytes(file), file.toString());
                }
                try (InputStream in = StanceClassifier.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                    if (in != null) {
                        return new DefaultModel(in.readAllBytes(), "default model (" + DEFAULT_RESOURCE + ")");
                    }
                }
                Path local = Path.of("models", "default.zip");
                if (Files.isRegularFile(local)) {
                    return new DefaultModel(Files.readAllBytes(local), local.toString());
                }
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot read the default model: " + e.getMessage());
            }
            throw new BadInputException("no default model: neither " + DEFAULT_RESOURCE + " on the classpath nor "
                    + "models/default.zip; pass a model file with --model");
        }
    }

    /**
     * ND4J runs each op on OpenMP threads, as many as cores unless {@code OMP_NUM_THREADS} says otherwise. The
     * heads see a few rows of ~2k features per article, for which OpenMP's fork/join and spin-waiting cost many
     * times the arithmetic (measured: a 3-row forward pass took 6.1 ms of CPU with 2 threads and 0.7 ms with one)
     * and take the cores the scoring threads need. So unless {@code OMP_NUM_THREADS} is set, ND4J gets one OpenMP
     * thread (for the whole process) and scoring gets its parallelism from its own threads. Results are unchanged
     * (bit for bit on the sample articles).
     */
    private static void oneOpenMpThread() {
        if (System.getenv("OMP_NUM_THREADS") != null) {
            return;
        }
        try {
            org.nd4j.linalg.factory.Nd4j.getBackend(); // loaded with the model already; the native ops need it
            org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        } catch (RuntimeException | LinkageError e) {
            // another ND4J backend: leave its threads alone
        }
    }

    /**
     * The one default of scoring threads (the classifier's pool, {@code score}, {@code bench}): the cores, at most
     * four, because beyond four the ONNX session's own threads contend with the pool's.
     */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Stance of {@code sentence} toward the target at characters [start, end). */
    public Prediction predict(String sentence, int start, int end) {
        if (start < 0 || end <= start || end > sentence.length()) {
            throw new IllegalArgumentException("target [" + start + ", " + end + ") is not inside the sentence (length "
                    + sentence.length() + ")");
        }
        return withWorker(m -> m.predict(List.of(new Target(sentence, new Span(start, end)))).get(0));
    }

    /** Sentences, mentions with stances, sentiment and per-actor summaries of one article. */
    public ArticleResult score(Article article) {
        TextPipeline.AnalysedArticle analysed = pipeline.analyse(article);
        List<Sentence> sentences = analysed.sentences();
        List<String> texts = sentences.stream().map(Sentence::text).toList();
        List<Target> targets = new ArrayList<>();
        List<List<Mention[]>> pairs = new ArrayList<>(sentences.size());
        List<DyadTarget> dyads = new ArrayList<>();
        for (Sentence s : sentences) {
            for (Mention m : analysed.mentions().get(s.index())) {
                Span local = m.span().shift(-s.span().start());
                targets.add(new Target(s.text(), local));
            }
            List<Mention[]> own = model.hasDyads() ? dyadPairs(analysed.mentions().get(s.index())) : List.of();
            pairs.add(own);
            for (Mention[] pair : own) {
                dyads.add(new DyadTarget(s.text(), pair[0].span().shift(-s.span().start()),
                        pair[1].span().shift(-s.span().start())));
            }
        }
        StanceModel.Analysis analysis = withWorker(m -> m.analyse(texts, targets, dyads));
        List<SentenceResult> results = new ArrayList<>(sentences.size());
        int t = 0;
        int d = 0;
        double[] sentimentSum = new double[3];
        for (Sentence s : sentences) {
            List<MentionResult> mentions = new ArrayList<>();
            for (Mention m : analysed.mentions().get(s.index())) {
                mentions.add(new MentionResult(m.actorId(), m.span(), m.text(), m.aliasKind(), analysis.stance().get(t++)));
            }
            Optional<Prediction> sentiment = analysis.sentiment().isEmpty() ? Optional.empty()
                    : Optional.of(analysis.sentiment().get(s.index()));
            sentiment.ifPresent(p -> {
                sentimentSum[0] += p.pNegative();
                sentimentSum[1] += p.pNeutral();
                sentimentSum[2] += p.pPositive();
            });
            List<DyadResult> sentenceDyads = new ArrayList<>();
            for (Mention[] pair : pairs.get(s.index())) {
                sentenceDyads.add(new DyadResult(pair[0].actorId(), pair[1].actorId(), pair[0].span(), pair[1].span(),
                        pair[0].text(), pair[1].text(), analysis.dyads().get(d++)));
            }
            results.add(new SentenceResult(s.index(), s.span(), s.text(), sentiment, List.copyOf(mentions),
                    List.copyOf(sentenceDyads)));
        }
        Optional<Prediction> articleSentiment = Optional.empty();
        if (!analysis.sentiment().isEmpty()) {
            int n = sentences.size();
            articleSentiment = Optional.of(Prediction.of(new float[]{(float) (sentimentSum[0] / n),
                    (float) (sentimentSum[1] / n), (float) (sentimentSum[2] / n)}));
        }
        ActorAggregator aggregator = new ActorAggregator(pipeline.mentionFinder().dictionary());
        DyadAggregator dyadAggregator = new DyadAggregator(pipeline.mentionFinder().dictionary());
        results.forEach(r -> {
            aggregator.add(article.id(), r);
            dyadAggregator.add(article.id(), r);
        });
        return new ArticleResult(article, List.copyOf(results), articleSentiment, aggregator.summaries(),
                dyadAggregator.summaries());
    }

    /**
     * The ordered pairs of distinct actors of one sentence, each actor by its first mention (as the dyad labels are
     * made: one mention per actor per sentence), in order of A's first mention, then B's.
     */
    static List<Mention[]> dyadPairs(List<Mention> mentions) {
        Map<String, Mention> first = new LinkedHashMap<>();
        for (Mention m : mentions) {
            first.putIfAbsent(m.actorId(), m);
        }
        List<Mention[]> out = new ArrayList<>();
        for (Mention a : first.values()) {
            for (Mention b : first.values()) {
                if (a != b && !a.span().overlaps(b.span())) {
                    out.add(new Mention[]{a, b});
                }
            }
        }
        return out;
    }

    /** Scores many articles on all worker threads; results in input order. */
    public List<ArticleResult> scoreAll(List<Article> articles) {
        if (threads == 1 || articles.size() < 2) {
            return articles.stream().map(this::score).toList();
        }
        List<Future<ArticleResult>> futures = new ArrayList<>(articles.size());
        for (Article a : articles) {
            futures.add(executor.submit(() -> score(a)));
        }
        List<ArticleResult> out = new ArrayList<>(articles.size());
        for (Future<ArticleResult> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    /**
     * Scores many articles as {@link #scoreAll} does, but an article that cannot be scored fails alone: its outcome
     * carries the reason and every other article is scored. This is the one place for "one bad article must not
     * sink the batch"; {@code score} and the Spark job both call it. An interrupt still stops the whole batch.
     */
    public List<ArticleOutcome> scoreEach(List<Article> articles) {
        try {
            return scoreAll(articles).stream().map(ArticleOutcome::scored).toList();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            List<ArticleOutcome> out = new ArrayList<>(articles.size());
            for (Article article : articles) {
                try {
                    out.add(ArticleOutcome.scored(score(article)));
                } catch (RuntimeException one) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw one;
                    }
                    out.add(ArticleOutcome.failed(article, String.valueOf(one.getMessage())));
                }
            }
            return out;
        }
    }

    /** The actor dictionary mentions are found with. */
    public ActorDictionary dictionary() {
        return pipeline.mentionFinder().dictionary();
    }

    /** The loaded stance model (its card, settings and encoder), for inspection. */
    public StanceModel model() {
        return model;
    }

    private <T> T withWorker(java.util.function.Function<StanceModel, T> task) {
        StanceModel worker;
        try {
            worker = workers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            return task.apply(worker);
        } finally {
            workers.add(worker);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        encoder.close();
    }
}
