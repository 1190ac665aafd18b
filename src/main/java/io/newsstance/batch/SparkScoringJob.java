package io.newsstance.batch;

import io.newsstance.StanceClassifier;
import io.newsstance.api.BadInputException;
import io.newsstance.cli.NewsstanceCommand;
import io.newsstance.io.Checksums;
import io.newsstance.output.ResultRows;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
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
 * <p>Output directory: {@code mentions/}, {@code sentences/}, {@code articles/}, {@code actor_daily/}, {@code dyads/} and
 * {@code dyad_daily/} (empty when the model has no dyad head),
 * {@code rejects/} (records that cannot be read or scored, with {@code location}, {@code id} and {@code reason})
 * and {@code _counts.json}. Exit codes as the CLI: 0 ok (also when some records were rejected: they are in
 * {@code rejects/}), 1 bad input (a missing or unreadable input, a bad model or actor file), 2 usage error,
 * 3 internal error.
 *
 * <p>This class is the driver, read top-down: {@link JobOptions} (options), {@link ArticleSource} (reading and
 * checking the input, with {@link RowNumbers} and {@link RecordValidation}), {@link ScorePartition} and
 * {@link ClassifierCache} (scoring on the executors), {@link SparkSchemas} (the output schemas, from
 * {@link ResultRows}), {@link ActorDaily} (the aggregate) and {@link JobOutputs} (the output directory).
 */
public final class SparkScoringJob {

    /** Input bytes per scoring partition by default: 1 MiB of JSON Lines is ~1,500 articles, minutes of scoring. */
    static final long PARTITION_BYTES = 1L << 20;

    private SparkScoringJob() {
    }

    /** {@code spark-submit} entry point; exits with the code of {@link #execute} when it is not 0. */
    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        if (code != NewsstanceCommand.EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Parses the arguments, runs the job on the active Spark session (or a new one: the master from
     * {@code spark-submit}, else {@code local[*]}) and returns the exit code. Prints the counts line on
     * {@code out}; problems on {@code err}.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        JobOptions options = new JobOptions();
        CommandLine cl = new CommandLine(options);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return NewsstanceCommand.EXIT_OK;
            }
            if (cl.isVersionHelpRequested()) {
                cl.printVersionHelp(out);
                return NewsstanceCommand.EXIT_OK;
            }
            options.validate();
        } catch (CommandLine.ParameterException | UsageException e) {
            err.println("newsstance: " + e.getMessage());
            cl.usage(err);
            return NewsstanceCommand.EXIT_USAGE;
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
            JobResult result = run(spark, options);
            out.println(result.line());
            out.flush();
            return NewsstanceCommand.EXIT_OK;
        } catch (Exception e) {  // Spark throws undeclared checked exceptions too
            UsageException usage = JobFailures.cause(e, UsageException.class);
            if (usage != null) {
                err.println("newsstance: " + usage.getMessage());
                cl.usage(err);
                return NewsstanceCommand.EXIT_USAGE;
            }
            BadInputException bad = JobFailures.cause(e, BadInputException.class);
            if (bad != null) {
                bad.problems().forEach(p -> err.println("newsstance: " + p));
                return NewsstanceCommand.EXIT_BAD_INPUT;
            }
            err.println("newsstance: internal error: " + e);
            e.printStackTrace(err);
            return NewsstanceCommand.EXIT_INTERNAL;
        } finally {
            err.flush();
            if (spark != null && ownSession) {
                spark.stop();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the job

    /**
     * Runs the job on {@code spark}: reads, scores, writes every output and {@code _counts.json}.
     *
     * @throws UsageException    for bad options (or an output directory that is in use without --overwrite)
     * @throws BadInputException for a missing or unreadable input, model or actor file
     */
    public static JobResult run(SparkSession spark, JobOptions options) {
        long started = System.nanoTime();
        options.validate();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        OutputFormat outputFormat = OutputFormat.parse(options.outputFormat);

        ArticleSource input = ArticleSource.resolve(options.input, options.inputFormat, hadoop);
        Path out = new Path(options.output);
        JobOutputs.prepareOutput(out, options.overwrite, false, hadoop);

        byte[] modelBytes = options.model == null ? StanceClassifier.defaultModelBytes()
                : HadoopFiles.readBytes(options.model, hadoop, "model file");
        String modelName = options.model == null ? "default model" : new Path(options.model).getName();
        String actorsCsv = options.actors == null ? ""
                : new String(HadoopFiles.readBytes(options.actors, hadoop, "actor file"), StandardCharsets.UTF_8);
        String actorsName = options.actors == null ? "" : new Path(options.actors).getName();
        int threads = options.threads != null ? options.threads : ClassifierLoader.defaultThreads(spark);
        String key = Checksums.sha256(modelBytes) + "/" + Checksums.sha256(actorsCsv.getBytes(StandardCharsets.UTF_8)) + "/" + threads;
        ClassifierLoader loader = new ClassifierLoader(modelName, actorsName, threads);
        // Fail early, on the driver, for a bad model or actor file; in local mode the driver is the executor, so
        // the classifier goes straight into the cache the tasks use.
        if (spark.sparkContext().isLocal()) {
            ClassifierCache.get(key, () -> loader.load(modelBytes, actorsCsv));
        } else {
            loader.load(modelBytes, actorsCsv).close();
        }

        JobOutputs.prepareOutput(out, options.overwrite, true, hadoop);
        try {
            return score(spark, options, started, input, outputFormat, out, modelBytes, modelName, actorsCsv, key,
                    loader);
        } catch (Exception e) {  // Spark throws undeclared checked exceptions (SparkException) too
            throw JobFailures.translate(e, input);
        }
    }

    private static JobResult score(SparkSession spark, JobOptions options, long started, ArticleSource input,
                                OutputFormat outputFormat, Path out, byte[] modelBytes, String modelName,
                                String actorsCsv, String key, ClassifierLoader loader) {
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
                        Encoders.row(SparkSchemas.SCORED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column ok = col("reason").isNull();
            Dataset<Row> good = scored.filter(ok);
            JobOutputs.write(good.select(explode(col("mentions")).as("m")).select("m.*"), out, JobOutputs.MENTIONS, outputFormat);
            JobOutputs.write(good.select(explode(col("sentences")).as("s")).select("s.*"), out, JobOutputs.SENTENCES, outputFormat);
            JobOutputs.write(good.select("article.*"), out, JobOutputs.ARTICLES, outputFormat);
            JobOutputs.write(good.select(explode(col("dyads")).as("d")).select("d.*"), out, JobOutputs.DYADS, outputFormat);
            JobOutputs.write(scored.filter(col("reason").isNotNull()).select(JobOutputs.REJECT_FIELDS.stream().map(c -> col(c))
                    .toArray(Column[]::new)), out, JobOutputs.REJECTS, outputFormat);

            Row totals = scored.agg(
                    sum(lit(1L)),
                    sum(when(ok, 1L).otherwise(0L)),
                    sum(when(ok, 0L).otherwise(1L)),
                    sum(when(ok, size(col("mentions"))).otherwise(0)),
                    sum(when(ok, size(col("sentences"))).otherwise(0)),
                    sum(when(ok, size(col("dyads"))).otherwise(0))).first();
            long read = totals.isNullAt(0) ? 0 : totals.getLong(0);
            long scoredCount = totals.isNullAt(1) ? 0 : totals.getLong(1);
            long rejected = totals.isNullAt(2) ? 0 : totals.getLong(2);
            long mentions = totals.isNullAt(3) ? 0 : totals.getLong(3);
            long sentences = totals.isNullAt(4) ? 0 : totals.getLong(4);
            long dyads = totals.isNullAt(5) ? 0 : totals.getLong(5);
            if (read != scoredCount + rejected) {
                throw new IllegalStateException("read " + read + " != scored " + scoredCount + " + rejected " + rejected);
            }

            Dataset<Row> daily = DailyAggregates.actors(spark, JobOutputs.readBack(spark, out, JobOutputs.MENTIONS,
                    outputFormat, SparkSchemas.MENTION_ROW));
            JobOutputs.write(daily.coalesce(1), out, JobOutputs.ACTOR_DAILY, outputFormat);
            long dailyRows = JobOutputs.readBack(spark, out, JobOutputs.ACTOR_DAILY, outputFormat, SparkSchemas.ACTOR_DAILY).count();
            Dataset<Row> dyadDaily = DailyAggregates.dyads(spark, JobOutputs.readBack(spark, out, JobOutputs.DYADS,
                    outputFormat, SparkSchemas.DYAD_ROW));
            JobOutputs.write(dyadDaily.coalesce(1), out, JobOutputs.DYAD_DAILY, outputFormat);
            long dyadDailyRows = JobOutputs.readBack(spark, out, JobOutputs.DYAD_DAILY, outputFormat,
                    SparkSchemas.DYAD_DAILY).count();

            double seconds = (System.nanoTime() - started) / 1e9;
            JobResult result = new JobResult(read, scoredCount, rejected, mentions, sentences, dyads, dailyRows,
                    dyadDailyRows, seconds, out.toString());
            JobOutputs.writeCounts(result, options, input, modelName, out, hadoop);
            return result;
        } finally {
            scored.unpersist(false);
            modelBroadcast.destroy();
            actorsBroadcast.destroy();
        }
    }
}
