package io.newsstance.batch;

import io.newsstance.api.Polarity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

/** The {@code actor_daily/} aggregate: mentions per day, source and actor, with counts per stance and the mean score. */
final class ActorDaily {

    private ActorDaily() {
    }

    /** The aggregate per day, source and actor, with Spark SQL over the mention rows. */
    static Dataset<Row> of(SparkSession spark, Dataset<Row> mentions) {
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
            return daily.select(JobOutputs.ACTOR_DAILY_FIELDS.stream().map(c -> col(c)).toArray(Column[]::new));
        } finally {
            // Safe: spark.sql analyses eagerly, and the analysed plan holds the view's plan, not its name.
            spark.catalog().dropTempView(view);
        }
    }
}
