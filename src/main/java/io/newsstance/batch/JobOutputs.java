package io.newsstance.batch;

import io.newsstance.api.BadInputException;
import io.newsstance.io.Decimals;
import io.newsstance.io.Json;
import io.newsstance.output.ResultRows;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The job's output directory: the names and columns of its outputs, and how they are written, read back and
 * replaced. Every output is one directory of part files ({@code parquet} or JSON Lines) plus {@code _counts.json}.
 */
final class JobOutputs {

    public static final String MENTIONS = "mentions";
    public static final String SENTENCES = "sentences";
    public static final String ARTICLES = "articles";
    public static final String ACTOR_DAILY = "actor_daily";
    public static final String DYADS = "dyads";
    public static final String DYAD_DAILY = "dyad_daily";
    public static final String REJECTS = "rejects";
    public static final String COUNTS = "_counts.json";
    static final List<String> OUTPUTS = List.of(MENTIONS, SENTENCES, ARTICLES, ACTOR_DAILY, DYADS, DYAD_DAILY,
            REJECTS, COUNTS);

    /** Columns of {@code actor_daily/}. */
    public static final List<String> ACTOR_DAILY_FIELDS = List.of("date", "source", "actor", "mentions", "negative",
            "neutral", "positive", "mean_score");
    /** Columns of {@code dyad_daily/}: "mentions" counts the sentences with the ordered pair. */
    public static final List<String> DYAD_DAILY_FIELDS = List.of("date", "source", "source_actor", "target_actor",
            "mentions", "negative", "neutral", "positive", "mean_score");
    /** Columns of {@code rejects/}. */
    public static final List<String> REJECT_FIELDS = List.of("location", "id", "reason");

    private JobOutputs() {
    }

    static Dataset<Row> readBack(SparkSession spark, Path out, String name, OutputFormat format,
                                         StructType schema) {
        return spark.read().schema(schema).format(format == OutputFormat.PARQUET ? "parquet" : "json")
                .load(new Path(out, name).toString());
    }

    static void write(Dataset<Row> data, Path out, String name, OutputFormat format) {
        DataFrameWriter<Row> writer = data.write().mode(SaveMode.ErrorIfExists);
        String path = new Path(out, name).toString();
        if (format == OutputFormat.PARQUET) {
            writer.parquet(path);
        } else {
            // Keep null fields, as the CLI's JSON Lines does (e.g. "sentiment": null).
            writer.option("ignoreNullFields", "false").json(path);
        }
    }

    static void writeCounts(JobResult r, JobOptions options, ArticleSource input, String modelName, Path out,
                                    Configuration hadoop) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", r.read());
        counts.put("scored", r.scored());
        counts.put("rejected", r.rejected());
        counts.put("mentions", r.mentions());
        counts.put("sentences", r.sentences());
        counts.put("actor_daily_rows", r.actorDailyRows());
        counts.put("dyads", r.dyads());
        counts.put("dyad_daily_rows", r.dyadDailyRows());
        counts.put("seconds", Decimals.round(r.seconds(), 1));
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
    static void prepareOutput(Path out, boolean overwrite, boolean delete, Configuration hadoop) {
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
}
