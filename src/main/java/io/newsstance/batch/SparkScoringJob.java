package io.newsstance.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.BadInputException;
import io.newsstance.Polarity;
import io.newsstance.Version;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.io.Json;
import io.newsstance.scoring.ArticleResult;
import io.newsstance.scoring.Level;
import io.newsstance.scoring.ResultRows;
import io.newsstance.scoring.StanceClassifier;
import io.newsstance.text.Article;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Batch scoring on Apache Spark: reads articles (JSON Lines, CSV or Parquet), scores them on the executors with
 * {@link StanceClassifier} and writes the mention, sentence and article records of {@code newsstance score}
 * ({@link ResultRows}: same field names, same values) plus a per-day, per-source, per-actor aggregate.
 *
 * <pre>
 * spark-submit --class io.newsstance.batch.SparkScoringJob target/newsstance.jar \
 *     --input articles.jsonl --output out/ [--output-format parquet|jsonl] [--model FILE.zip] [--actors FILE.csv]
 * </pre>
 *
 * <p>How it runs: the model file's bytes (a few MB; the MiniLM encoder comes from the jar on the classpath) and
 * the optional actor CSV are broadcast once; a static per-JVM cache ({@link ClassifierCache}) restores one
 * {@link StanceClassifier} per executor JVM, keyed by the SHA-256 of the model bytes and of the actor CSV, and
 * shared by all task threads of that JVM; each partition is scored in batches of {@code --batch-size} articles
 * with {@link StanceClassifier#scoreAll}. The scored partitions are cached and every output is derived from
 * them, so each article is scored once.
 *
 * <p>Output directory: {@code mentions/}, {@code sentences/}, {@code articles/}, {@code actor_daily/},
 * {@code rejects/} (records that cannot be read or scored, with {@code location}, {@code id} and {@code reason})
 * and {@code _counts.json}. Exit codes as the CLI: 0 ok (also when some records were rejected: they are in
 * {@code rejects/}), 1 bad input (a missing or unreadable input, a bad model or actor file), 2 usage error,
 * 3 internal error.
 */
public final class SparkScoringJob {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    public static final String MENTIONS = "mentions";
    public static final String SENTENCES = "sentences";
    public static final String ARTICLES = "articles";
    public static final String ACTOR_DAILY = "actor_daily";
    public static final String REJECTS = "rejects";
    public static final String COUNTS = "_counts.json";
    static final List<String> OUTPUTS = List.of(MENTIONS, SENTENCES, ARTICLES, ACTOR_DAILY, REJECTS, COUNTS);

    /** The article columns / fields an input may have; only {@code text} is required. */
    public static final List<String> ARTICLE_COLUMNS = List.of("id", "title", "text", "date", "source", "url");
    /** Fields of the structs in a sentence row's {@code mentions} array (as {@link ResultRows#sentence} writes them). */
    public static final List<String> SENTENCE_MENTION_FIELDS = List.of("actor", "start", "end", "text", "stance", "score");
    /** Columns of {@code actor_daily/}. */
    public static final List<String> ACTOR_DAILY_FIELDS = List.of("date", "source", "actor", "mentions", "negative",
            "neutral", "positive", "mean_score");
    /** Columns of {@code rejects/}. */
    public static final List<String> REJECT_FIELDS = List.of("location", "id", "reason");

    static final int DEFAULT_BATCH_SIZE = 64;
    /** Input bytes per scoring partition by default: 1 MiB of JSON Lines is ~1,500 articles, minutes of scoring. */
    static final long PARTITION_BYTES = 1L << 20;
    private static final String CORRUPT = "_corrupt_record";

    private SparkScoringJob() {
    }

    // ------------------------------------------------------------------------------------------------ options

    /** Command-line options; tests fill the public fields and call {@link #run(SparkSession, Options)}. */
    @Command(name = "spark-submit --class io.newsstance.batch.SparkScoringJob newsstance.jar",
            mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionInfo.class,
            description = {"Scores articles on Apache Spark and writes mentions/, sentences/, articles/, "
                    + "actor_daily/, rejects/ and _counts.json under the output directory.",
                    "Prints 'read N, scored M, rejected K' at the end."},
            footer = {"", "Exit codes: 0 ok (rejected records are in rejects/), 1 bad input, 2 usage error, "
                    + "3 internal error."})
    public static final class Options {

        @Option(names = "--input", required = true, paramLabel = "PATH",
                description = "An article file, a directory of them or a glob (any Hadoop path: file:, hdfs:, s3a:).")
        public String input;

        @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory.")
        public String output;

        @Option(names = "--input-format", paramLabel = "FORMAT",
                description = "jsonl, csv or parquet (default: from the file extension).")
        public String inputFormat;

        @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "parquet",
                description = "parquet or jsonl (default: ${DEFAULT-VALUE}).")
        public String outputFormat = "parquet";

        @Option(names = "--model", paramLabel = "FILE.zip", description = "Model file (default: the shipped model).")
        public String model;

        @Option(names = "--actors", paramLabel = "FILE.csv",
                description = "CSV of extra actors and aliases that add to or override the built-in dictionary.")
        public String actors;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
                description = "Articles per scoreAll call in each partition (default: ${DEFAULT-VALUE}).")
        public int batchSize = DEFAULT_BATCH_SIZE;

        @Option(names = "--threads", paramLabel = "N",
                description = "Scoring threads per executor JVM (default: spark.executor.cores; in local mode the "
                        + "number of local cores; else the JVM's available processors).")
        public Integer threads;

        @Option(names = "--partitions", paramLabel = "N",
                description = "Scoring partitions (default: one per MiB of input, at least the default "
                        + "parallelism).")
        public Integer partitions;

        @Option(names = "--overwrite",
                description = "Replace the outputs of an earlier run in DIR (default: refuse a non-empty DIR).")
        public boolean overwrite;

        public Options() {
        }

        public Options(String input, String output) {
            this.input = input;
            this.output = output;
        }

        void validate() {
            if (input == null || input.isBlank()) {
                throw new UsageException("--input is required");
            }
            if (output == null || output.isBlank()) {
                throw new UsageException("--output is required");
            }
            if (inputFormat != null) {
                InputFormat.parse(inputFormat);
            }
            OutputFormat.parse(outputFormat);
            if (batchSize < 1) {
                throw new UsageException("--batch-size must be at least 1");
            }
            if (threads != null && threads < 1) {
                throw new UsageException("--threads must be at least 1");
            }
            if (partitions != null && partitions < 1) {
                throw new UsageException("--partitions must be at least 1");
            }
        }
    }

    /** A problem with the arguments: exit code 2, with the usage message. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"newsstance " + Version.get()};
        }
    }

    enum InputFormat {
        JSONL, CSV, PARQUET;

        static InputFormat parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "jsonl", "json", "ndjson" -> JSONL;
                case "csv" -> CSV;
                case "parquet" -> PARQUET;
                default -> throw new UsageException("--input-format must be jsonl, csv or parquet, not '" + s + "'");
            };
        }

        /** From a file name, ignoring a compression suffix; null when unknown. */
        static InputFormat ofFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|deflate|lz4|snappy|zst)$", "");
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                return JSONL;
            }
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".parquet")) {
                return PARQUET;
            }
            return null;
        }
    }

    enum OutputFormat {
        PARQUET, JSONL;

        static OutputFormat parse(String s) {
            return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
                case "parquet" -> PARQUET;
                case "jsonl", "json" -> JSONL;
                default -> throw new UsageException("--output-format must be parquet or jsonl, not '" + s + "'");
            };
        }
    }

    /**
     * What a run did. {@code read = scored + rejected}; {@code mentions} and {@code sentences} count the rows
     * written to {@code mentions/} and {@code sentences/}.
     */
    public record Result(long read, long scored, long rejected, long mentions, long sentences, long actorDailyRows,
                         double seconds, String output) {

        public String line() {
            return "read " + read + ", scored " + scored + ", rejected " + rejected;
        }
    }

    // ------------------------------------------------------------------------------------------------ main

    /** {@code spark-submit} entry point; exits with the code of {@link #execute} when it is not 0. */
    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Parses the arguments, runs the job on the active Spark session (or a new one: the master from
     * {@code spark-submit}, else {@code local[*]}) and returns the exit code. Prints the counts line on
     * {@code out}; problems on {@code err}.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Options options = new Options();
        CommandLine cl = new CommandLine(options);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return EXIT_OK;
            }
            if (cl.isVersionHelpRequested()) {
                cl.printVersionHelp(out);
                return EXIT_OK;
            }
            options.validate();
        } catch (CommandLine.ParameterException | UsageException e) {
            err.println("newsstance: " + e.getMessage());
            cl.usage(err);
            return EXIT_USAGE;
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = null;
        try {
            SparkConf conf = new SparkConf().setIfMissing("spark.app.name", "newsstance-score");
            SparkSession.Builder builder = SparkSession.builder().config(conf);
            if (!conf.contains("spark.master")) {
                builder.master("local[*]");
            }
            spark = builder.getOrCreate();
            Result result = run(spark, options);
            out.println(result.line());
            out.flush();
            return EXIT_OK;
        } catch (Exception e) {  // Spark throws undeclared checked exceptions too
            UsageException usage = cause(e, UsageException.class);
            if (usage != null) {
                err.println("newsstance: " + usage.getMessage());
                cl.usage(err);
                return EXIT_USAGE;
            }
            BadInputException bad = cause(e, BadInputException.class);
            if (bad != null) {
                bad.problems().forEach(p -> err.println("newsstance: " + p));
                return EXIT_BAD_INPUT;
            }
            err.println("newsstance: internal error: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        } finally {
            err.flush();
            if (spark != null && ownSession) {
                spark.stop();
            }
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ the job

    /**
     * Runs the job on {@code spark}: reads, scores, writes every output and {@code _counts.json}.
     *
     * @throws UsageException    for bad options (or an output directory that is in use without --overwrite)
     * @throws BadInputException for a missing or unreadable input, model or actor file
     */
    public static Result run(SparkSession spark, Options options) {
        long started = System.nanoTime();
        options.validate();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        OutputFormat outputFormat = OutputFormat.parse(options.outputFormat);

        Input input = Input.resolve(options.input, options.inputFormat, hadoop);
        Path out = new Path(options.output);
        prepareOutput(out, options.overwrite, false, hadoop);

        byte[] modelBytes = options.model == null ? StanceClassifier.defaultModelBytes()
                : readBytes(options.model, hadoop, "model file");
        String modelName = options.model == null ? "default model" : new Path(options.model).getName();
        String actorsCsv = options.actors == null ? ""
                : new String(readBytes(options.actors, hadoop, "actor file"), StandardCharsets.UTF_8);
        String actorsName = options.actors == null ? "" : new Path(options.actors).getName();
        int threads = options.threads != null ? options.threads : defaultThreads(spark);
        String key = sha256(modelBytes) + "/" + sha256(actorsCsv.getBytes(StandardCharsets.UTF_8)) + "/" + threads;
        Loader loader = new Loader(modelName, actorsName, threads);
        // Fail early, on the driver, for a bad model or actor file; in local mode the driver is the executor, so
        // the classifier goes straight into the cache the tasks use.
        if (spark.sparkContext().isLocal()) {
            ClassifierCache.get(key, () -> loader.load(modelBytes, actorsCsv));
        } else {
            loader.load(modelBytes, actorsCsv).close();
        }

        prepareOutput(out, options.overwrite, true, hadoop);
        try {
            return score(spark, options, started, input, outputFormat, out, modelBytes, modelName, actorsCsv, key,
                    loader);
        } catch (Exception e) {  // Spark throws undeclared checked exceptions (SparkException) too
            throw translate(e, input);
        }
    }

    private static Result score(SparkSession spark, Options options, long started, Input input,
                                OutputFormat outputFormat, Path out, byte[] modelBytes, String modelName,
                                String actorsCsv, String key, Loader loader) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        // Scoring costs far more than a shuffle of the article text, so always spread the records evenly: at least
        // one partition per core, and one per PARTITION_BYTES of input.
        int partitions = options.partitions != null ? options.partitions
                : (int) Math.min(Integer.MAX_VALUE, Math.max(spark.sparkContext().defaultParallelism(),
                (input.totalBytes() + PARTITION_BYTES - 1) / PARTITION_BYTES));
        Dataset<Row> parsed = input.read(spark).repartition(partitions);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> modelBroadcast = jsc.broadcast(modelBytes);
        Broadcast<String> actorsBroadcast = jsc.broadcast(actorsCsv);
        Dataset<Row> scored = parsed.mapPartitions(
                        new ScorePartition(modelBroadcast, actorsBroadcast, key, loader, options.batchSize),
                        Encoders.row(Schemas.SCORED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column ok = col("reason").isNull();
            Dataset<Row> good = scored.filter(ok);
            write(good.select(explode(col("mentions")).as("m")).select("m.*"), out, MENTIONS, outputFormat);
            write(good.select(explode(col("sentences")).as("s")).select("s.*"), out, SENTENCES, outputFormat);
            write(good.select("article.*"), out, ARTICLES, outputFormat);
            write(scored.filter(col("reason").isNotNull()).select(REJECT_FIELDS.stream().map(c -> col(c))
                    .toArray(Column[]::new)), out, REJECTS, outputFormat);

            Row totals = scored.agg(
                    sum(lit(1L)),
                    sum(when(ok, 1L).otherwise(0L)),
                    sum(when(ok, 0L).otherwise(1L)),
                    sum(when(ok, size(col("mentions"))).otherwise(0)),
                    sum(when(ok, size(col("sentences"))).otherwise(0))).first();
            long read = totals.isNullAt(0) ? 0 : totals.getLong(0);
            long scoredCount = totals.isNullAt(1) ? 0 : totals.getLong(1);
            long rejected = totals.isNullAt(2) ? 0 : totals.getLong(2);
            long mentions = totals.isNullAt(3) ? 0 : totals.getLong(3);
            long sentences = totals.isNullAt(4) ? 0 : totals.getLong(4);
            if (read != scoredCount + rejected) {
                throw new IllegalStateException("read " + read + " != scored " + scoredCount + " + rejected " + rejected);
            }

            Dataset<Row> daily = actorDaily(spark, readBack(spark, out, MENTIONS, outputFormat, Schemas.MENTION_ROW));
            write(daily.coalesce(1), out, ACTOR_DAILY, outputFormat);
            long dailyRows = readBack(spark, out, ACTOR_DAILY, outputFormat, Schemas.ACTOR_DAILY).count();

            double seconds = (System.nanoTime() - started) / 1e9;
            Result result = new Result(read, scoredCount, rejected, mentions, sentences, dailyRows, seconds,
                    out.toString());
            writeCounts(result, options, input, modelName, out, hadoop);
            return result;
        } finally {
            scored.unpersist(false);
            modelBroadcast.destroy();
            actorsBroadcast.destroy();
        }
    }

    /**
     * A failed Spark job as the exception to report: a BadInputException or UsageException from anywhere in the
     * cause chain (e.g. thrown in a task); an input file that turned out unreadable while the job ran (Spark reads
     * lazily: a corrupt Parquet footer, a CSV file whose header differs from the first file's) as a
     * BadInputException; anything else as it is.
     */
    static RuntimeException translate(Exception e, Input input) {
        UsageException usage = cause(e, UsageException.class);
        if (usage != null) {
            return usage;
        }
        BadInputException bad = cause(e, BadInputException.class);
        if (bad != null) {
            return bad;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (root instanceof java.io.FileNotFoundException || message.contains("CSV header does not conform")
                || message.contains("not a Parquet file") || message.contains("CANNOT_READ_FILE_FOOTER")
                || message.contains("FAILED_READ_FILE") || message.contains("Could not read footer")) {
            String text = message.strip().replaceAll("\\s*\\n\\s*", " ");
            return new BadInputException(input.path() + ": cannot read: "
                    + (text.length() > 500 ? text.substring(0, 500) + "…" : text), e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(firstLine(e.getMessage()), e);
    }

    /** The aggregate per day, source and actor, with Spark SQL over the mention rows. */
    static Dataset<Row> actorDaily(SparkSession spark, Dataset<Row> mentions) {
        String view = "newsstance_mentions_" + Long.toHexString(System.nanoTime());
        mentions.createOrReplaceTempView(view);
        try {
            Dataset<Row> daily = spark.sql("SELECT"
                    + " CASE WHEN `date` IS NULL OR trim(`date`) = '' THEN 'unknown'"
                    + " ELSE substring(trim(`date`), 1, 10) END AS date,"
                    + " CASE WHEN source IS NULL OR trim(source) = '' THEN 'unknown' ELSE source END AS source,"
                    + " actor,"
                    + " count(*) AS mentions,"
                    + " sum(CASE WHEN stance = '" + Polarity.NEGATIVE.label() + "' THEN 1 ELSE 0 END) AS negative,"
                    + " sum(CASE WHEN stance = '" + Polarity.NEUTRAL.label() + "' THEN 1 ELSE 0 END) AS neutral,"
                    + " sum(CASE WHEN stance = '" + Polarity.POSITIVE.label() + "' THEN 1 ELSE 0 END) AS positive,"
                    + " round(avg(score), 4) AS mean_score"
                    + " FROM " + view
                    + " GROUP BY 1, 2, 3"
                    + " ORDER BY `date`, source, actor");
            return daily.select(ACTOR_DAILY_FIELDS.stream().map(c -> col(c)).toArray(Column[]::new));
        } finally {
            // Safe: spark.sql analyses eagerly, and the analysed plan holds the view's plan, not its name.
            spark.catalog().dropTempView(view);
        }
    }

    private static Dataset<Row> readBack(SparkSession spark, Path out, String name, OutputFormat format,
                                         StructType schema) {
        return spark.read().schema(schema).format(format == OutputFormat.PARQUET ? "parquet" : "json")
                .load(new Path(out, name).toString());
    }

    private static void write(Dataset<Row> data, Path out, String name, OutputFormat format) {
        DataFrameWriter<Row> writer = data.write().mode(SaveMode.ErrorIfExists);
        String path = new Path(out, name).toString();
        if (format == OutputFormat.PARQUET) {
            writer.parquet(path);
        } else {
            // Keep null fields, as the CLI's JSON Lines does (e.g. "sentiment": null).
            writer.option("ignoreNullFields", "false").json(path);
        }
    }

    private static void writeCounts(Result r, Options options, Input input, String modelName, Path out,
                                    Configuration hadoop) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", r.read());
        counts.put("scored", r.scored());
        counts.put("rejected", r.rejected());
        counts.put("mentions", r.mentions());
        counts.put("sentences", r.sentences());
        counts.put("actor_daily_rows", r.actorDailyRows());
        counts.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        counts.put("input", options.input);
        counts.put("input_format", input.format().name().toLowerCase(Locale.ROOT));
        counts.put("output_format", OutputFormat.parse(options.outputFormat).name().toLowerCase(Locale.ROOT));
        counts.put("model", modelName);
        counts.put("batch_size", options.batchSize);
        try {
            Path file = new Path(out, COUNTS);
            FileSystem fs = file.getFileSystem(hadoop);
            try (FSDataOutputStream os = fs.create(file, true)) {
                os.write((Json.pretty(counts) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + "/" + COUNTS + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a non-empty output directory unless {@code overwrite}; with {@code delete}, removes the outputs of an
     * earlier run (only this job's entries, nothing else in the directory).
     */
    private static void prepareOutput(Path out, boolean overwrite, boolean delete, Configuration hadoop) {
        try {
            FileSystem fs = out.getFileSystem(hadoop);
            if (!fs.exists(out)) {
                return;
            }
            if (!fs.getFileStatus(out).isDirectory()) {
                throw new UsageException("--output " + out + " is a file, not a directory");
            }
            FileStatus[] entries = fs.listStatus(out);
            if (entries.length == 0) {
                return;
            }
            if (!overwrite) {
                throw new UsageException("--output " + out + " is not empty; pass --overwrite to replace the outputs "
                        + "of an earlier run");
            }
            if (!delete) {
                return;
            }
            for (String name : OUTPUTS) {
                Path p = new Path(out, name);
                if (fs.exists(p)) {
                    fs.delete(p, true);
                }
            }
        } catch (IOException e) {
            throw new BadInputException("--output " + out + ": " + e.getMessage());
        }
    }

    private static byte[] readBytes(String location, Configuration hadoop, String what) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path)) {
                throw new BadInputException(location + ": no such " + what);
            }
            if (fs.getFileStatus(path).isDirectory()) {
                throw new BadInputException(location + ": is a directory, expected a " + what);
            }
            try (InputStream in = fs.open(path)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toByteArray();
            }
        } catch (IOException e) {
            throw new BadInputException(location + ": cannot read the " + what + ": " + e.getMessage());
        }
    }

    /**
     * Scoring threads per executor JVM: spark.executor.cores; in local mode the local cores; on YARN and Kubernetes
     * (one core per executor unless set) 1; else (standalone: all cores of the worker) 0 = the executor's processors.
     */
    private static int defaultThreads(SparkSession spark) {
        if (spark.sparkContext().isLocal()) {
            return Math.max(1, spark.sparkContext().defaultParallelism());
        }
        SparkConf conf = spark.sparkContext().getConf();
        if (conf.contains("spark.executor.cores")) {
            return Math.max(1, conf.getInt("spark.executor.cores", 1));
        }
        String master = spark.sparkContext().master();
        return master.startsWith("yarn") || master.startsWith("k8s") ? 1 : 0;
    }

    static String sha256(byte[] bytes) {
        return io.newsstance.io.Checksums.sha256(bytes);
    }

    // ------------------------------------------------------------------------------------------------ schemas

    /** Spark schemas of the outputs, built from {@link ResultRows}' field lists. */
    static final class Schemas {
        static final StructType MENTION_ROW = struct(ResultRows.MENTION_FIELDS, Map.of());
        static final StructType SENTENCE_MENTION = struct(SENTENCE_MENTION_FIELDS, Map.of());
        static final StructType SENTENCE_ROW = struct(ResultRows.SENTENCE_FIELDS,
                Map.of("mentions", DataTypes.createArrayType(SENTENCE_MENTION, true)));
        static final StructType ACTOR = struct(ResultRows.ACTOR_FIELDS, Map.of());
        static final StructType ARTICLE_ROW = struct(ResultRows.ARTICLE_FIELDS,
                Map.of("actors", DataTypes.createArrayType(ACTOR, true)));
        static final StructType ACTOR_DAILY = new StructType()
                .add("date", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("actor", DataTypes.StringType).add("mentions", DataTypes.LongType)
                .add("negative", DataTypes.LongType).add("neutral", DataTypes.LongType)
                .add("positive", DataTypes.LongType).add("mean_score", DataTypes.DoubleType);

        /** An input record, read and checked: {@code reason} is null for a good one. */
        static final StructType PARSED = strings("location", "id", "title", "text", "date", "source", "url", "reason");
        /** A record after scoring: rejected ones carry a reason and null results. */
        static final StructType SCORED = strings("location", "id", "reason")
                .add("article", ARTICLE_ROW, true)
                .add("sentences", DataTypes.createArrayType(SENTENCE_ROW, true), true)
                .add("mentions", DataTypes.createArrayType(MENTION_ROW, true), true);

        private Schemas() {
        }

        static StructType strings(String... names) {
            StructType t = new StructType();
            for (String n : names) {
                t = t.add(n, DataTypes.StringType, true);
            }
            return t;
        }

        static StructType struct(List<String> fields, Map<String, DataType> nested) {
            StructField[] out = new StructField[fields.size()];
            for (int i = 0; i < out.length; i++) {
                String f = fields.get(i);
                DataType t = nested.containsKey(f) ? nested.get(f) : scalar(f);
                out[i] = new StructField(f, t, true, Metadata.empty());
            }
            return new StructType(out);
        }

        private static DataType scalar(String field) {
            return switch (field) {
                case "sentence_index", "start", "end", "sentences", "mentions", "negative", "neutral", "positive" ->
                        DataTypes.IntegerType;
                case "p_negative", "p_neutral", "p_positive", "score", "mean_score", "ci_low", "ci_high" ->
                        DataTypes.DoubleType;
                case "article_id", "id", "title", "date", "source", "url", "actor", "name", "text", "alias_kind",
                     "stance", "sentiment" -> DataTypes.StringType;
                default -> throw new IllegalStateException("no Spark type for output field '" + field
                        + "': add it to SparkScoringJob.Schemas");
            };
        }

        /** A {@link ResultRows} record as a Spark row of {@code schema}; fails if the field sets differ. */
        static Row row(Map<String, Object> record, StructType schema) {
            if (record.size() != schema.size() || !record.keySet().containsAll(Arrays.asList(schema.fieldNames()))) {
                throw new IllegalStateException("ResultRows fields " + record.keySet() + " differ from the Spark schema "
                        + Arrays.toString(schema.fieldNames()) + ": update SparkScoringJob.Schemas");
            }
            Object[] values = new Object[schema.size()];
            StructField[] fields = schema.fields();
            for (int i = 0; i < fields.length; i++) {
                Object v = record.get(fields[i].name());
                if (v != null && fields[i].dataType() instanceof ArrayType array
                        && array.elementType() instanceof StructType element) {
                    List<?> list = (List<?>) v;
                    List<Row> rows = new ArrayList<>(list.size());
                    for (Object o : list) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) o;
                        rows.add(row(m, element));
                    }
                    v = rows.toArray(new Row[0]);  // an array: the row encoder takes Scala Seqs or arrays, not Lists
                }
                values[i] = v;
            }
            return new GenericRowWithSchema(values, schema);
        }
    }

    // ------------------------------------------------------------------------------------------------ input

    /** The resolved input: its path(s) and format. */
    record Input(String path, InputFormat format, long largestFile, long totalBytes) {

        static Input resolve(String path, String formatOption, Configuration hadoop) {
            Path p = new Path(path);
            List<FileStatus> files = new ArrayList<>();
            try {
                FileSystem fs = p.getFileSystem(hadoop);
                FileStatus[] matched = fs.globStatus(p);
                if (matched == null || matched.length == 0) {
                    throw new BadInputException(path + ": no such file or directory");
                }
                for (FileStatus s : matched) {
                    if (s.isDirectory()) {
                        // Recursively, as Spark reads partitioned layouts (dir/date=2025-01-01/part-0.parquet).
                        String root = s.getPath().toUri().getPath();
                        var it = fs.listFiles(s.getPath(), true);
                        while (it.hasNext()) {
                            FileStatus child = it.next();
                            String relative = child.getPath().toUri().getPath().substring(root.length());
                            if (Arrays.stream(relative.split("/")).noneMatch(Input::hidden)) {
                                files.add(child);
                            }
                        }
                    } else if (!hidden(s.getPath().getName())) {
                        files.add(s);
                    }
                }
            } catch (IOException e) {
                throw new BadInputException(path + ": cannot list: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new BadInputException(path + ": no input files (files starting with _ or . are skipped)");
            }
            long largest = files.stream().mapToLong(FileStatus::getLen).max().orElse(0);
            long total = files.stream().mapToLong(FileStatus::getLen).sum();
            if (formatOption != null) {
                return new Input(path, InputFormat.parse(formatOption), largest, total);
            }
            Set<InputFormat> formats = new LinkedHashSet<>();
            List<String> unknownNames = new ArrayList<>();
            for (FileStatus f : files) {
                InputFormat format = InputFormat.ofFileName(f.getPath().getName());
                if (format == null) {
                    unknownNames.add(f.getPath().getName());
                } else {
                    formats.add(format);
                }
            }
            if (formats.size() == 1 && unknownNames.isEmpty()) {
                return new Input(path, formats.iterator().next(), largest, total);
            }
            throw new UsageException("cannot tell the input format of " + path + " from its file names ("
                    + (formats.size() > 1 ? "mixed: " + formats : "e.g. " + unknownNames.get(0))
                    + "); pass --input-format jsonl, csv or parquet");
        }

        private static boolean hidden(String name) {
            return !name.isEmpty() && (name.startsWith("_") || name.startsWith("."));
        }

        /**
         * Whether Spark reads every file as one split: a file is never split below the smaller of
         * spark.sql.files.maxPartitionBytes and spark.sql.files.openCostInBytes (see FilePartition.maxSplitBytes),
         * and a multi-line CSV file never is. Then row numbers need no counting pass.
         */
        boolean singleSplitFiles(SparkSession spark) {
            if (format == InputFormat.CSV) {
                return true;
            }
            long maxPartitionBytes = spark.sessionState().conf().filesMaxPartitionBytes();
            long openCost = spark.sessionState().conf().filesOpenCostInBytes();
            return largestFile <= Math.min(maxPartitionBytes, openCost);
        }

        /** Records in {@link Schemas#PARSED} form: every input record once, good or with a reason. */
        Dataset<Row> read(SparkSession spark) {
            try {
                return switch (format) {
                    case JSONL -> readJsonl(spark);
                    case CSV -> readCsv(spark);
                    case PARQUET -> readParquet(spark);
                };
            } catch (BadInputException | UsageException e) {
                throw e;
            } catch (Exception e) {  // Spark throws undeclared checked exceptions (SparkException, AnalysisException)
                throw new BadInputException(path + ": cannot read as " + format.name().toLowerCase(Locale.ROOT)
                        + ": " + firstLine(e.getMessage()), e);
            }
        }

        private Dataset<Row> readJsonl(SparkSession spark) {
            Dataset<Row> lines = withFileColumns(spark.read().format("text").load(path)).select(
                    col("_file"), col("_name"), col("_block"), col("value"));
            lines = RowNumbers.add(lines, singleSplitFiles(spark)).filter(col("value").rlike("\\S"));
            StructType jsonSchema = Schemas.strings(ARTICLE_COLUMNS.toArray(String[]::new))
                    .add(CORRUPT, DataTypes.StringType, true);
            Dataset<Row> json = lines.withColumn("_json", from_json(col("value"), jsonSchema,
                    Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT)));
            return json.map((MapFunction<Row, Row>) Validation::jsonl, Encoders.row(Schemas.PARSED));
        }

        private Dataset<Row> readCsv(SparkSession spark) {
            String[] header = csvReader(spark).load(path).columns();
            Map<String, String> columns = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            for (String h : header) {
                String c = h.strip().toLowerCase(Locale.ROOT);
                if (!ARTICLE_COLUMNS.contains(c)) {
                    ignored.add(h);
                } else if (columns.putIfAbsent(c, h) != null) {
                    throw new BadInputException(path + ": the CSV header has the column '" + c + "' twice");
                }
            }
            if (!columns.containsKey("text")) {
                throw new BadInputException(path + ": the CSV header " + Arrays.toString(header)
                        + " has no 'text' column (expected some of " + String.join(",", ARTICLE_COLUMNS) + ")");
            }
            if (!ignored.isEmpty()) {
                System.err.println("newsstance: " + path + ": ignoring CSV columns " + ignored);
            }
            // The first file's header, as read, with a corrupt-record column; enforceSchema=false makes Spark check
            // every file's header against it instead of applying it by position.
            StructType schema = Schemas.strings(header).add(CORRUPT, DataTypes.StringType, true);
            Dataset<Row> rows = csvReader(spark).schema(schema).option("enforceSchema", "false")
                    .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).load(path);
            List<Column> select = new ArrayList<>(List.of(col("_file"), col("_name"), col("_block")));
            for (String c : ARTICLE_COLUMNS) {
                String h = columns.get(c);
                select.add(h == null ? lit(null).cast(DataTypes.StringType).as(c) : col("`" + h + "`").as(c));
            }
            select.add(col(CORRUPT));
            Dataset<Row> numbered = RowNumbers.add(withFileColumns(rows).select(select.toArray(Column[]::new)),
                    singleSplitFiles(spark));
            return numbered.map((MapFunction<Row, Row>) r -> Validation.columns(r, "CSV"), Encoders.row(Schemas.PARSED));
        }

        private org.apache.spark.sql.DataFrameReader csvReader(SparkSession spark) {
            // RFC 4180 as the CLI reads it: "" escapes a quote, fields may span lines, UTF-8.
            return spark.read().format("csv").option("header", "true").option("multiLine", "true")
                    .option("escape", "\"").option("encoding", "UTF-8");
        }

        private Dataset<Row> readParquet(SparkSession spark) {
            Dataset<Row> rows = spark.read().parquet(path);
            StructType schema = rows.schema();
            Map<String, StructField> byName = new HashMap<>();
            for (StructField f : schema.fields()) {
                byName.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f);
            }
            StructField text = byName.get("text");
            if (text == null) {
                throw new BadInputException(path + ": the Parquet schema has no 'text' column (columns: "
                        + String.join(",", schema.fieldNames()) + ")");
            }
            if (!(text.dataType() instanceof org.apache.spark.sql.types.StringType)) {
                throw new BadInputException(path + ": the Parquet column 'text' is " + text.dataType().simpleString()
                        + ", not string");
            }
            List<Column> select = new ArrayList<>(List.of(col("_file"), col("_name"), col("_block")));
            for (String c : ARTICLE_COLUMNS) {
                StructField f = byName.get(c);
                if (f == null) {
                    select.add(lit(null).cast(DataTypes.StringType).as(c));
                } else if (f.dataType() instanceof StructType || f.dataType() instanceof ArrayType
                        || f.dataType() instanceof org.apache.spark.sql.types.MapType
                        || f.dataType() instanceof org.apache.spark.sql.types.BinaryType) {
                    throw new BadInputException(path + ": the Parquet column '" + f.name() + "' is "
                            + f.dataType().simpleString() + ", expected a string");
                } else {
                    select.add(col("`" + f.name() + "`").cast(DataTypes.StringType).as(c));
                }
            }
            select.add(lit(null).cast(DataTypes.StringType).as(CORRUPT));
            Dataset<Row> numbered = RowNumbers.add(withFileColumns(rows).select(select.toArray(Column[]::new)),
                    singleSplitFiles(spark));
            return numbered.map((MapFunction<Row, Row>) r -> Validation.columns(r, "Parquet"),
                    Encoders.row(Schemas.PARSED));
        }

        /** Adds {@code _file} (path), {@code _name} (file name) and {@code _block} (split start) from _metadata. */
        private static Dataset<Row> withFileColumns(Dataset<Row> rows) {
            return rows.withColumn("_file", col("_metadata.file_path"))
                    .withColumn("_name", col("_metadata.file_name"))
                    .withColumn("_block", col("_metadata.file_block_start"));
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * Stable row numbers: the 1-based position of each record in its file, whatever the partitioning. A first
     * pass counts the records of each file split ({@code _file}, {@code _block}); a split's records are read in
     * order inside one partition, so a record's number is the count of the file's earlier splits plus its place
     * in its split. Adds {@code _row} (long) as the last column.
     */
    static final class RowNumbers implements MapPartitionsFunction<Row, Row> {
        private final HashMap<String, Long> offsets;
        private final StructType schema;

        private RowNumbers(HashMap<String, Long> offsets, StructType schema) {
            this.offsets = offsets;
            this.schema = schema;
        }

        static Dataset<Row> add(Dataset<Row> rows, boolean singleSplitFiles) {
            Map<String, TreeMap<Long, Long>> counts = new HashMap<>();
            if (!singleSplitFiles) {
                for (Row r : rows.groupBy("_file", "_block").count().collectAsList()) {
                    counts.computeIfAbsent(r.getString(0), f -> new TreeMap<>()).put(r.getLong(1), r.getLong(2));
                }
            }
            HashMap<String, Long> offsets = new HashMap<>();
            counts.forEach((file, blocks) -> {
                long before = 0;
                for (Map.Entry<Long, Long> b : blocks.entrySet()) {
                    offsets.put(file + "\n" + b.getKey(), before);
                    before += b.getValue();
                }
            });
            StructType schema = rows.schema().add("_row", DataTypes.LongType, false);
            return rows.mapPartitions(new RowNumbers(offsets, schema), Encoders.row(schema));
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            int file = schema.fieldIndex("_file");
            int block = schema.fieldIndex("_block");
            return new Iterator<>() {
                String current;
                long number;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    String key = r.getString(file) + "\n" + r.getLong(block);
                    if (!key.equals(current)) {
                        current = key;
                        Long offset = offsets.isEmpty() && r.getLong(block) == 0 ? Long.valueOf(0) : offsets.get(key);
                        if (offset == null) {
                            throw new IllegalStateException("no row count for split " + key.replace('\n', '@'));
                        }
                        number = offset;
                    }
                    number++;
                    Object[] values = new Object[r.size() + 1];
                    for (int i = 0; i < r.size(); i++) {
                        values[i] = r.get(i);
                    }
                    values[r.size()] = number;
                    return new GenericRowWithSchema(values, schema);
                }
            };
        }
    }

    /** Turns raw input rows into {@link Schemas#PARSED} rows with a reason for each bad record. */
    static final class Validation {

        private Validation() {
        }

        /** A JSON Lines row: _file, _name, _block, value, _row, _json (struct with _corrupt_record). */
        static Row jsonl(Row r) {
            String line = r.getAs("value");
            long number = r.getAs("_row");
            String location = r.<String>getAs("_file") + ":" + number;
            String generatedId = r.<String>getAs("_name") + ":" + number;
            Row json = r.getAs("_json");
            JsonNode node = null;
            String parseError = null;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                parseError = firstLine(e.getMessage());
            }
            if (json == null || json.getAs(CORRUPT) != null || node == null) {
                String reason = parseError != null ? "not valid JSON: " + parseError
                        : node != null && !node.isObject() ? "expected a JSON object with a \"text\" field"
                        : "not valid JSON (Spark's JSON reader cannot parse this line)";
                return reject(location, null, reason);
            }
            if (!node.isObject()) {
                return reject(location, null, "expected a JSON object with a \"text\" field");
            }
            List<String> problems = new ArrayList<>();
            for (String field : ARTICLE_COLUMNS) {
                JsonNode v = node.get(field);
                if (v == null || v.isNull() || v.isTextual() || (field.equals("id") && v.isNumber())) {
                    continue;
                }
                problems.add("field \"" + field + "\" must be a string, not " + v.getNodeType().name()
                        .toLowerCase(Locale.ROOT));
            }
            String id = json.getAs("id");
            if (!problems.isEmpty()) {
                return reject(location, id, String.join("; ", problems));
            }
            if (line.indexOf('\uFFFD') >= 0) {
                return reject(location, id, "invalid UTF-8 (or a U+FFFD replacement character) in this line");
            }
            return article(location, generatedId, id, json.getAs("title"), json.getAs("text"), json.getAs("date"),
                    json.getAs("source"), json.getAs("url"));
        }

        /** A CSV or Parquet row: _file, _name, _block, id, title, text, date, source, url, _corrupt_record, _row. */
        static Row columns(Row r, String format) {
            long number = r.getAs("_row");
            String location = r.<String>getAs("_file") + ":" + number;
            String generatedId = r.<String>getAs("_name") + ":" + number;
            String id = r.getAs("id");
            if (r.getAs(CORRUPT) != null) {
                return reject(location, id, "malformed " + format + " record");
            }
            String text = r.getAs("text");
            if (text == null) {
                // CSV: Spark reads an empty field as null.
                return reject(location, id, format.equals("CSV") ? "empty text" : "text is null");
            }
            if (text != null && text.indexOf('\uFFFD') >= 0) {
                return reject(location, id, "invalid UTF-8 (or a U+FFFD replacement character) in \"text\"");
            }
            return article(location, generatedId, id, r.getAs("title"), text, r.getAs("date"), r.getAs("source"),
                    r.getAs("url"));
        }

        private static Row article(String location, String generatedId, String id, String title, String text,
                                   String date, String source, String url) {
            // The CLI's rule, not a copy of it (a copy here had lost the length limit).
            java.util.Optional<String> problem = io.newsstance.text.ArticleTextRule.problem(text);
            if (problem.isPresent()) {
                return reject(location, id, problem.get());
            }
            String articleId = id == null || id.isBlank() ? generatedId : id;
            return new GenericRowWithSchema(new Object[]{location, articleId, nz(title), text, nz(date), nz(source),
                    nz(url), null}, Schemas.PARSED);
        }

        private static Row reject(String location, String id, String reason) {
            return new GenericRowWithSchema(new Object[]{location, id, null, null, null, null, null, reason},
                    Schemas.PARSED);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    // ------------------------------------------------------------------------------------------------ scoring

    /** How an executor restores the classifier from the broadcast bytes. */
    static final class Loader implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String modelName;
        private final String actorsName;
        private final int threads;

        Loader(String modelName, String actorsName, int threads) {
            this.modelName = modelName;
            this.actorsName = actorsName;
            this.threads = threads;
        }

        StanceClassifier load(byte[] modelBytes, String actorsCsv) {
            ActorDictionary dictionary = ActorDictionary.loadDefault();
            if (!actorsCsv.isEmpty()) {
                dictionary = dictionary.withOverrides(actorsCsv, actorsName);
            }
            int n = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
            return StanceClassifier.load(modelBytes, modelName, dictionary, n);
        }
    }

    /**
     * One {@link StanceClassifier} per JVM and model: restored on first use in an executor, then shared by all
     * tasks (and jobs) in it. Key: SHA-256 of the model bytes, of the actor CSV, and the thread count.
     */
    public static final class ClassifierCache {
        private static final Map<String, StanceClassifier> CACHE = new HashMap<>();
        private static final AtomicInteger LOADS = new AtomicInteger();

        private ClassifierCache() {
        }

        static synchronized StanceClassifier get(String key, Supplier<StanceClassifier> loader) {
            StanceClassifier c = CACHE.get(key);
            if (c == null) {
                c = loader.get();
                LOADS.incrementAndGet();
                CACHE.put(key, c);
            }
            return c;
        }

        /** How many classifiers this JVM has restored (for tests and logs). */
        public static int loads() {
            return LOADS.get();
        }

        /**
         * Closes and forgets every cached classifier. Only when no job runs in this JVM: closing a classifier
         * while a thread is scoring with it crashes ONNX Runtime.
         */
        public static synchronized void clear() {
            CACHE.values().forEach(StanceClassifier::close);
            CACHE.clear();
        }
    }

    /** Scores a partition of {@link Schemas#PARSED} rows in batches; emits {@link Schemas#SCORED} rows, in order. */
    static final class ScorePartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<byte[]> model;
        private final Broadcast<String> actors;
        private final String key;
        private final Loader loader;
        private final int batchSize;

        ScorePartition(Broadcast<byte[]> model, Broadcast<String> actors, String key, Loader loader, int batchSize) {
            this.model = model;
            this.actors = actors;
            this.key = key;
            this.loader = loader;
            this.batchSize = batchSize;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            return new Iterator<>() {
                private final ArrayDeque<Row> ready = new ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (ready.isEmpty() && input.hasNext()) {
                        nextBatch();
                    }
                    return !ready.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return ready.poll();
                }

                private void nextBatch() {
                    List<Row> batch = new ArrayList<>();
                    List<Article> articles = new ArrayList<>();
                    while (input.hasNext() && articles.size() < batchSize && batch.size() < 16 * batchSize) {
                        Row r = input.next();
                        batch.add(r);
                        if (r.getAs("reason") == null) {
                            articles.add(new Article(r.getAs("id"), r.getAs("title"), r.getAs("text"),
                                    r.getAs("date"), r.getAs("source"), r.getAs("url")));
                        }
                    }
                    List<Object> results = articles.isEmpty() ? List.of() : score(articles);
                    int a = 0;
                    for (Row r : batch) {
                        String location = r.getAs("location");
                        String id = r.getAs("id");
                        String reason = r.getAs("reason");
                        if (reason != null) {
                            ready.add(new GenericRowWithSchema(new Object[]{location, id, reason, null, null, null},
                                    Schemas.SCORED));
                            continue;
                        }
                        Object result = results.get(a++);
                        if (result instanceof ArticleResult ar) {
                            ready.add(scoredRow(location, ar));
                        } else {
                            ready.add(new GenericRowWithSchema(new Object[]{location, id, "cannot be scored: " + result,
                                    null, null, null}, Schemas.SCORED));
                        }
                    }
                }
            };
        }

        /** Results in order: an ArticleResult, or the error message of an article that cannot be scored. */
        private List<Object> score(List<Article> articles) {
            StanceClassifier classifier = ClassifierCache.get(key, () -> loader.load(model.value(), actors.value()));
            try {
                return new ArrayList<>(classifier.scoreAll(articles));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                // One bad article must not sink its batch (as in the CLI): score one by one, reject the failures.
                List<Object> out = new ArrayList<>(articles.size());
                for (Article article : articles) {
                    try {
                        out.add(classifier.score(article));
                    } catch (RuntimeException one) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw one;
                        }
                        out.add(String.valueOf(one.getMessage()));
                    }
                }
                return out;
            }
        }

        private static Row scoredRow(String location, ArticleResult r) {
            Row article = Schemas.row(ResultRows.article(r), Schemas.ARTICLE_ROW);
            Row[] sentences = ResultRows.rows(r, Level.SENTENCE).stream()
                    .map(s -> Schemas.row(s, Schemas.SENTENCE_ROW)).toArray(Row[]::new);
            Row[] mentions = ResultRows.rows(r, Level.MENTION).stream()
                    .map(m -> Schemas.row(m, Schemas.MENTION_ROW)).toArray(Row[]::new);
            return new GenericRowWithSchema(new Object[]{location, r.article().id(), null, article, sentences, mentions},
                    Schemas.SCORED);
        }
    }
}
