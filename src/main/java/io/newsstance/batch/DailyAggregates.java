package io.newsstance.batch;

import io.newsstance.api.Polarity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

/**
 * The daily aggregates: {@code actor_daily/} (mentions per day, source and actor) and {@code dyad_daily/} (dyads per
 * day, source and ordered actor pair), each with counts per stance and the mean score. One rule for the day and
 * the source of both: the first ten characters of the trimmed date, "unknown" for an empty date or source.
 */
final class DailyAggregates {

    private DailyAggregates() {
    }

    /** {@code actor_daily/}: the mention rows per day, source and actor. */
    static Dataset<Row> actors(SparkSession spark, Dataset<Row> mentions) {
        return of(spark, mentions, List.of("actor"), JobOutputs.ACTOR_DAILY_FIELDS);
    }

    /** {@code dyad_daily/}: the dyad rows per day, source, source actor and target actor. */
    static Dataset<Row> dyads(SparkSession spark, Dataset<Row> dyads) {
        return of(spark, dyads, List.of("source_actor", "target_actor"), JobOutputs.DYAD_DAILY_FIELDS);
    }

    /** {@code rows} (with date, source, stance and score columns) per day, source and {@code keys}, with Spark SQL. */
    private static Dataset<Row> of(SparkSession spark, Dataset<Row> rows, List<String> keys, List<String> fields) {
        String view = "newsstance_rows_" + Long.toHexString(System.nanoTime());
        rows.createOrReplaceTempView(view);
        String keyList = String.join(", ", keys);
        StringBuilder groups = new StringBuilder("1, 2");
        for (int i = 0; i < keys.size(); i++) {
            groups.append(", ").append(i + 3);
        }
        try {
            Dataset<Row> daily = spark.sql("SELECT"
                    + " CASE WHEN `date` IS NULL OR trim(`date`) = '' THEN 'unknown'"
                    + " ELSE substring(trim(`date`), 1, 10) END AS date,"
                    + " CASE WHEN source IS NULL OR trim(source) = '' THEN 'unknown' ELSE source END AS source,"
                    + " " + keyList + ","
                    + " count(*) AS mentions,"
                    + " sum(CASE WHEN stance = '" + Polarity.NEGATIVE.label() + "' THEN 1 ELSE 0 END) AS negative,"
                    + " sum(CASE WHEN stance = '" + Polarity.NEUTRAL.label() + "' THEN 1 ELSE 0 END) AS neutral,"
                    + " sum(CASE WHEN stance = '" + Polarity.POSITIVE.label() + "' THEN 1 ELSE 0 END) AS positive,"
                    + " round(avg(score), 4) AS mean_score"
                    + " FROM " + view
                    + " GROUP BY " + groups
                    + " ORDER BY `date`, source, " + keyList);
            return daily.select(fields.stream().map(c -> col(c)).toArray(Column[]::new));
        } finally {
            // Safe: spark.sql analyses eagerly, and the analysed plan holds the view's plan, not its name.
            spark.catalog().dropTempView(view);
        }
    }
}
