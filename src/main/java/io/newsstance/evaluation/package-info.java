/**
 * Evaluation of stance predictions: accuracy, macro-F1, per-class and per-actor metrics, the swap check, and the baselines a model must beat.
 */
package io.newsstance.evaluation;
