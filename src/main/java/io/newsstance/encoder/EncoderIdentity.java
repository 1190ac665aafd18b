package io.newsstance.encoder;

/**
 * Which encoder produced a set of token states: a human-readable name and the sha256 (64 lowercase hex chars)
 * of the exact model bytes it runs. Features cached or heads trained on one encoder are only valid with an
 * encoder of the same identity.
 */
public record EncoderIdentity(String name, String sha256) {
}
