package io.newsstance.batch;

import io.newsstance.cli.VersionProvider;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job's command-line options, with the CLI's version text and exit codes; tests fill the public fields and call
 * {@link SparkScoringJob#run(SparkSession, JobOptions)}.
 */
@Command(name = "spark-submit --class io.newsstance.batch.SparkScoringJob newsstance.jar",
        mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Scores articles on Apache Spark and writes mentions/, sentences/, articles/, "
                + "actor_daily/, rejects/ and _counts.json under the output directory.",
                "Prints 'read N, scored M, rejected K' at the end."},
        footer = {"", "Exit codes: 0 ok (rejected records are in rejects/), 1 bad input, 2 usage error, "
                + "3 internal error."})
public final class JobOptions {

    static final int DEFAULT_BATCH_SIZE = 64;

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

    public JobOptions() {
    }

    public JobOptions(String input, String output) {
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
