/**
 * Fine-tuning the MiniLM encoder in ND4J SameDiff with a target head, AdamW, checkpoints and export of the tuned layers back to ONNX.
 */
package io.newsstance.finetune;
