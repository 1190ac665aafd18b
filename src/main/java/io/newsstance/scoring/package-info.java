/**
 * Scoring internals behind {@link io.newsstance.StanceClassifier}: the text pipeline (sentences, then mentions) and the per-actor aggregation with its intervals.
 */
package io.newsstance.scoring;
