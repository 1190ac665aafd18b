/**
 * Output rows: the mention, sentence and article records that {@code score} writes as JSON Lines and CSV and the Spark job writes as Parquet or JSON Lines, with one field list per level.
 */
package io.newsstance.output;
