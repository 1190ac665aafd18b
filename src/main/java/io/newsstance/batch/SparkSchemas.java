package io.newsstance.batch;

import io.newsstance.output.ArticleRow;
import io.newsstance.output.DyadRow;
import io.newsstance.output.MentionRow;
import io.newsstance.output.OutputRow;
import io.newsstance.output.ResultRows;
import io.newsstance.output.SentenceRow;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Spark schemas of the outputs, derived from the output row records ({@link OutputRow}), as JSON Lines and CSV are. */
final class SparkSchemas {
    static final StructType MENTION_ROW = struct(MentionRow.class);
    static final StructType SENTENCE_MENTION = struct(SentenceRow.Mention.class);
    static final StructType SENTENCE_ROW = struct(SentenceRow.class);
    static final StructType ACTOR = struct(ArticleRow.Actor.class);
    static final StructType ARTICLE_ROW = struct(ArticleRow.class);
    static final StructType DYAD_ROW = struct(DyadRow.class);
    static final StructType ACTOR_DAILY = new StructType()
            .add("date", DataTypes.StringType).add("source", DataTypes.StringType)
            .add("actor", DataTypes.StringType).add("mentions", DataTypes.LongType)
            .add("negative", DataTypes.LongType).add("neutral", DataTypes.LongType)
            .add("positive", DataTypes.LongType).add("mean_score", DataTypes.DoubleType);
    static final StructType DYAD_DAILY = new StructType()
            .add("date", DataTypes.StringType).add("source", DataTypes.StringType)
            .add("source_actor", DataTypes.StringType).add("target_actor", DataTypes.StringType)
            .add("mentions", DataTypes.LongType)
            .add("negative", DataTypes.LongType).add("neutral", DataTypes.LongType)
            .add("positive", DataTypes.LongType).add("mean_score", DataTypes.DoubleType);

    /** An input record, read and checked: {@code reason} is null for a good one. */
    static final StructType PARSED = strings("location", "id", "title", "text", "date", "source", "url", "reason");
    /** A record after scoring: rejected ones carry a reason and null results. */
    static final StructType SCORED = strings("location", "id", "reason")
            .add("article", ARTICLE_ROW, true)
            .add("sentences", DataTypes.createArrayType(SENTENCE_ROW, true), true)
            .add("mentions", DataTypes.createArrayType(MENTION_ROW, true), true)
            .add("dyads", DataTypes.createArrayType(DYAD_ROW, true), true);

    private SparkSchemas() {
    }

    static StructType strings(String... names) {
        StructType t = new StructType();
        for (String n : names) {
            t = t.add(n, DataTypes.StringType, true);
        }
        return t;
    }

    /**
     * The Spark schema of an output row type, from its record components: String → string, int → integer,
     * double/Double → double, a List of rows → an array of their structs. Every field is nullable.
     */
    static StructType struct(Class<? extends Record> rowType) {
        List<OutputRow.Field> fields = OutputRow.fields(rowType);
        StructField[] out = new StructField[fields.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new StructField(fields.get(i).name(), type(fields.get(i)), true, Metadata.empty());
        }
        return new StructType(out);
    }

    private static DataType type(OutputRow.Field f) {
        Class<?> t = f.type();
        if (t == String.class) {
            return DataTypes.StringType;
        }
        if (t == int.class || t == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (t == double.class || t == Double.class) {
            return DataTypes.DoubleType;
        }
        if (t == List.class) {
            return DataTypes.createArrayType(struct(OutputRow.elementType(f).asSubclass(Record.class)), true);
        }
        throw new IllegalStateException("no Spark type for output field '" + f.name() + "' (" + t.getSimpleName()
                + "): add it to SparkSchemas.type");
    }

    /** A {@link ResultRows} record as a Spark row of {@code schema}; fails if the field sets differ. */
    static Row row(Map<String, Object> record, StructType schema) {
        if (record.size() != schema.size() || !record.keySet().containsAll(Arrays.asList(schema.fieldNames()))) {
            throw new IllegalStateException("ResultRows fields " + record.keySet() + " differ from the Spark schema "
                    + Arrays.toString(schema.fieldNames()) + ": update SparkSchemas");
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
