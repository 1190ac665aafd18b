/**
 * The analysts' HTML report ({@code newsstance report}): reads what {@code score} and the Spark job write,
 * aggregates it in Java ({@link io.newsstance.report.ReportAggregator}: per-actor means over days, weeks and
 * sources with the same article-clustered interval as {@code score}; per ordered pair of actors the same for dyads,
 * {@link io.newsstance.report.ReportDyads}), and writes one self-contained HTML file
 * ({@link io.newsstance.report.ReportPage}) that holds only those aggregates and a bounded set of evidence
 * sentences, so the file's size follows the number of actors, pairs, sources and days, not the number of rows.
 */
package io.newsstance.report;
