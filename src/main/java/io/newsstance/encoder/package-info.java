/**
 * The sentence encoder: all-MiniLM-L6-v2 on ONNX Runtime, its wordpiece tokenizer with character offsets, the graph's weights, fine-tuned weight deltas and their fp16 storage. Nothing here knows about stance.
 */
package io.newsstance.encoder;
