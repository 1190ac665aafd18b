package io.newsstance.cli;

import io.newsstance.StanceClassifier;
import io.newsstance.training.ProgressBar;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleOutcome;
import io.newsstance.api.ArticleResult;
import io.newsstance.input.ArticleFormat;
import io.newsstance.input.ArticleInputs;
import io.newsstance.input.ArticleRecord;
import io.newsstance.io.AtomicFile;
import io.newsstance.io.Json;
import io.newsstance.output.Level;
import io.newsstance.output.ResultRows;
import io.newsstance.scoring.ActorAggregator;
import io.newsstance.scoring.DyadAggregator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsstance score}: score articles and write per-mention, per-sentence or per-article results. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score articles: the stance of each sentence toward each actor it mentions, sentence "
                + "sentiment, and per-actor summaries.",
                "Reads .txt files (one article each), .jsonl and .csv article files, directories, or - for stdin. "
                        + "Ends with 'read N, scored M, rejected K; S sentences in T s (R sentences/s)' on stderr."},
        footer = {"", "Examples:",
                "  newsstance score training-data/articles/",
                "  newsstance score --level mention --format jsonl --out mentions.jsonl feed.jsonl",
                "  cat article.txt | newsstance score -"})
public final class ScoreCommand implements Callable<Integer> {

    /** Articles scored together: bounds memory whatever the input size. */
    static final int CHUNK = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    ActorOptions actorOptions;

    @Option(names = "--model", paramLabel = "FILE.zip", description = "Model file (default: the shipped model).")
    Path model;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "article",
            description = "article, sentence, mention or dyad (ordered actor pairs: who backs or opposes whom; "
                    + "needs a model with a dyad head) (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl, csv or table (default: table on a terminal, else jsonl).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write results here (atomically) instead of stdout.")
    Path out;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write records that cannot be read or scored here, as JSON Lines with their reason.")
    Path rejects;

    @Option(names = "--wide", description = "--format table: whole evidence sentences, not cut at 90 characters.")
    boolean wide;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: number of cores, at most 4).")
    Integer threads;

    @Mixin
    StdinFormatOption stdinFormat;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Article files, directories, or -.")
    List<String> inputs;

    @Override
    public Integer call() throws IOException {
        Level lvl = parseLevel();
        String fmt = format != null ? format.toLowerCase(Locale.ROOT)
                : (out == null && System.console() != null ? "table" : "jsonl");
        if (!List.of("jsonl", "csv", "table").contains(fmt)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be jsonl, csv or table");
        }
        ArticleFormat stdin = stdinFormat.format();
        ActorDictionary dictionary = actorOptions.dictionary();
        int n = threads != null ? Math.max(1, threads) : StanceClassifier.defaultThreads();
        Counts counts = new Counts();
        // The model loads when the first article is read, so a missing or unreadable input is reported at once.
        try (LazyClassifier classifier = new LazyClassifier(() -> model == null
                ? StanceClassifier.loadDefault(dictionary, n) : StanceClassifier.load(model, dictionary, n))) {
            if (out == null) {
                PrintWriter w = spec.commandLine().getOut();
                run(classifier, dictionary, lvl, fmt, stdin, w, counts);
                w.flush();
            } else {
                AtomicFile.write(out, os -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
                    run(classifier, dictionary, lvl, fmt, stdin, w, counts);
                    w.flush();
                });
            }
        }
        if (rejects != null) {
            AtomicFile.write(rejects, os -> {
                for (Map<String, Object> r : counts.rejected) {
                    os.write((Json.line(r) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
        } else {
            counts.rejected.forEach(r -> err().println("newsstance: rejected " + r.get("location") + ": " + r.get("reason")));
        }
        err().printf(Locale.ROOT, "read %d, scored %d, rejected %d; %d %s in %.1f s (%.1f sentences/s)%n", counts.read,
                counts.scored, counts.rejected.size(), counts.sentences, counts.sentences == 1 ? "sentence" : "sentences",
                counts.scoringSeconds, counts.sentences / Math.max(1e-9, counts.scoringSeconds));
        err().flush();
        return counts.rejected.isEmpty() ? 0 : NewsstanceCommand.EXIT_BAD_INPUT;
    }

    /** What went in and out, for the closing line and the rejects file. */
    static final class Counts {
        long read;
        long scored;
        long sentences;
        /** Time spent scoring (the model's load not included), for the closing line's rate. */
        double scoringSeconds;
        final List<Map<String, Object>> rejected = new ArrayList<>();

        void reject(String location, String reason) {
            rejected.add(Map.of("location", location, "reason", reason));
        }
    }

    private void run(LazyClassifier classifier, ActorDictionary dictionary, Level lvl, String fmt, ArticleFormat stdin,
                     Writer w, Counts counts) throws IOException {
        CSVPrinter csv = fmt.equals("csv") ? new CSVPrinter(w, CSVFormat.RFC4180.builder()
                .setHeader(ScoreCsv.header(lvl).toArray(String[]::new)).get()) : null;
        ActorAggregator corpus = new ActorAggregator(dictionary);
        DyadAggregator dyads = new DyadAggregator(dictionary);
        long started = System.nanoTime();
        // On a terminal, a bar with an ETA when the input's size is known (files, not stdin): progress is
        // measured in characters of article text read against the files' bytes, near enough for an ETA.
        long totalBytes = System.console() != null ? inputBytes(inputs) : -1;
        ProgressBar bar = totalBytes > 0 ? new ProgressBar(System.err, "score", totalBytes) : null;
        long charsRead = 0;
        List<Article> chunk = new ArrayList<>(CHUNK);
        List<String> locations = new ArrayList<>(CHUNK);
        try (ArticleInputs records = new ArticleInputs(inputs, System.in, stdin)) {
            while (records.hasNext()) {
                ArticleRecord record = records.next();
                counts.read++;
                if (record instanceof ArticleRecord.Rejected rej) {
                    counts.reject(rej.location(), rej.reason());
                    continue;
                }
                // The readers have applied ArticleTextRule: a Read record's text can be scored.
                ArticleRecord.Read read = (ArticleRecord.Read) record;
                charsRead += read.article().text().length();
                chunk.add(read.article());
                locations.add(read.location());
                if (chunk.size() == CHUNK) {
                    flush(classifier, chunk, locations, lvl, fmt, w, csv, corpus, dyads, counts);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (bar != null) {
                        bar.update(Math.min(charsRead, totalBytes), String.format(Locale.ROOT, "%d articles, %.1f "
                                + "sentences/s", counts.scored, counts.sentences / Math.max(1e-9, counts.scoringSeconds)));
                    } else {
                        err().printf(Locale.ROOT, "scored %d articles, %.1f articles/s%n", counts.scored,
                                counts.scored / Math.max(1e-9, seconds));
                        err().flush();
                    }
                }
            }
        }
        flush(classifier, chunk, locations, lvl, fmt, w, csv, corpus, dyads, counts);
        if (bar != null) {
            bar.update(totalBytes, String.format(Locale.ROOT, "%d articles", counts.scored));
        }
        if (fmt.equals("table")) {
            SummaryTable.print(corpus.summaries(), dyads.summaries(), counts.scored, w, wide);
        }
        if (csv != null) {
            csv.flush();
        }
    }

    private void flush(LazyClassifier classifier, List<Article> chunk, List<String> locations, Level lvl, String fmt,
                       Writer w, CSVPrinter csv, ActorAggregator corpus, DyadAggregator dyads, Counts counts)
            throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        StanceClassifier scorer = classifier.get(); // loads the model on the first chunk: not part of the rate
        if (lvl == Level.DYAD && !scorer.model().hasDyads()) {
            throw new io.newsstance.api.BadInputException((model == null ? "the default model" : model.toString())
                    + ": has no dyad head, so --level dyad cannot be scored (add one with 'newsstance train-dyads')");
        }
        long t0 = System.nanoTime();
        List<ArticleOutcome> outcomes = scorer.scoreEach(chunk);
        counts.scoringSeconds += (System.nanoTime() - t0) / 1e9;
        List<ArticleResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            ArticleOutcome o = outcomes.get(i);
            if (o.ok()) {
                results.add(o.result().get());
            } else {
                counts.reject(locations.get(i), o.failure());
            }
        }
        for (ArticleResult r : results) {
            counts.scored++;
            counts.sentences += r.sentences().size();
            corpus.addAll(r);
            dyads.addAll(r);
            if (fmt.equals("table")) {
                continue;
            }
            for (Map<String, Object> row : ResultRows.rows(r, lvl)) {
                if (csv != null) {
                    ScoreCsv.print(row, lvl, csv);
                } else {
                    w.write(Json.line(row));
                    w.write('\n');
                }
            }
        }
        chunk.clear();
        locations.clear();
    }

    private Level parseLevel() {
        try {
            return Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--level must be article, sentence, mention or dyad");
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The classifier, loaded on first use; closing it closes what was loaded. */
    private static final class LazyClassifier implements AutoCloseable {
        private final java.util.function.Supplier<StanceClassifier> loader;
        private StanceClassifier classifier;

        LazyClassifier(java.util.function.Supplier<StanceClassifier> loader) {
            this.loader = loader;
        }

        StanceClassifier get() {
            if (classifier == null) {
                classifier = loader.get();
            }
            return classifier;
        }

        @Override
        public void close() {
            if (classifier != null) {
                classifier.close();
            }
        }
    }

    /** Bytes of the input files (directories walked), or -1 when an input is stdin or cannot be sized. */
    static long inputBytes(List<String> inputs) {
        long total = 0;
        for (String input : inputs) {
            if (input.equals("-")) {
                return -1;
            }
            Path p = Path.of(input);
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.isDirectory(p) ? java.nio.file.Files.walk(p)
                    : java.util.stream.Stream.of(p)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (java.nio.file.Files.isRegularFile(f)) {
                        total += java.nio.file.Files.size(f);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }
}
