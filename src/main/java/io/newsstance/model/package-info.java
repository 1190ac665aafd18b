/**
 * The stance model: encoder (MiniLM on ONNX Runtime), target-aware features, DL4J heads, and the model file with its card and checksums.
 */
package io.newsstance.model;
