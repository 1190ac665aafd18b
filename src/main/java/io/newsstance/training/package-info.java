/**
 * Training the frozen-encoder stance model: the trainer, its settings, the feature cache and progress output.
 */
package io.newsstance.training;
