package io.newsstance.batch;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable row numbers: the 1-based position of each record in its file, whatever the partitioning. A first
 * pass counts the records of each file split ({@code _file}, {@code _block}); a split's records are read in
 * order inside one partition, so a record's number is the count of the file's earlier splits plus its place
 * in its split. Adds {@code _row} (long) as the last column.
 */
final class RowNumbers implements MapPartitionsFunction<Row, Row> {
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
