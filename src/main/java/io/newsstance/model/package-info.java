/**
 * The stance model: target-aware features over the encoder's states, the DL4J heads, and the model file with its card and checksums.
 */
package io.newsstance.model;
