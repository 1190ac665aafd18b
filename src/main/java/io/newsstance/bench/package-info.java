/**
 * The {@code bench} command's measurements: throughput, latency, start-up and memory of a model on this machine, printed as figures (never asserted by tests).
 */
package io.newsstance.bench;
