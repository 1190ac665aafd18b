package io.newsstance.batch;

import io.newsstance.api.BadInputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

/**
 * The job's input, resolved: its path (a file, a directory read recursively, or a glob), its format and sizes;
 * {@link #read} turns it into one {@link SparkSchemas#PARSED} row per input record, good or with its reason.
 */
record ArticleSource(String path, InputFormat format, long largestFile, long totalBytes) {

    /** The article columns / fields an input may have; only {@code text} is required. */
    static final List<String> ARTICLE_COLUMNS = List.of("id", "title", "text", "date", "source", "url");
    /** The column Spark's readers put a malformed record in. */
    static final String CORRUPT = "_corrupt_record";

    static ArticleSource resolve(String path, String formatOption, Configuration hadoop) {
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
                        if (Arrays.stream(relative.split("/")).noneMatch(ArticleSource::hidden)) {
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
            return new ArticleSource(path, InputFormat.parse(formatOption), largest, total);
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
            return new ArticleSource(path, formats.iterator().next(), largest, total);
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

    /** Records in {@link SparkSchemas#PARSED} form: every input record once, good or with a reason. */
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
                    + ": " + RecordValidation.firstLine(e.getMessage()), e);
        }
    }

    private Dataset<Row> readJsonl(SparkSession spark) {
        Dataset<Row> lines = withFileColumns(spark.read().format("text").load(path)).select(
                col("_file"), col("_name"), col("_block"), col("value"));
        lines = RowNumbers.add(lines, singleSplitFiles(spark)).filter(col("value").rlike("\\S"));
        StructType jsonSchema = SparkSchemas.strings(ARTICLE_COLUMNS.toArray(String[]::new))
                .add(CORRUPT, DataTypes.StringType, true);
        Dataset<Row> json = lines.withColumn("_json", from_json(col("value"), jsonSchema,
                Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT)));
        return json.map((MapFunction<Row, Row>) RecordValidation::jsonl, Encoders.row(SparkSchemas.PARSED));
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
        StructType schema = SparkSchemas.strings(header).add(CORRUPT, DataTypes.StringType, true);
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
        return numbered.map((MapFunction<Row, Row>) r -> RecordValidation.columns(r, "CSV"), Encoders.row(SparkSchemas.PARSED));
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
        return numbered.map((MapFunction<Row, Row>) r -> RecordValidation.columns(r, "Parquet"),
                Encoders.row(SparkSchemas.PARSED));
    }

    /** Adds {@code _file} (path), {@code _name} (file name) and {@code _block} (split start) from _metadata. */
    private static Dataset<Row> withFileColumns(Dataset<Row> rows) {
        return rows.withColumn("_file", col("_metadata.file_path"))
                .withColumn("_name", col("_metadata.file_name"))
                .withColumn("_block", col("_metadata.file_block_start"));
    }
}
