/**
 * Batch scoring on Apache Spark: the same records, rules and output rows as the {@code score} command, over many machines.
 */
package io.newsstance.batch;
