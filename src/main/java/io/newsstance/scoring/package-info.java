/**
 * Scoring articles: the thread-safe {@link io.newsstance.scoring.StanceClassifier}, its article, sentence and mention results, per-actor summaries and output rows.
 */
package io.newsstance.scoring;
