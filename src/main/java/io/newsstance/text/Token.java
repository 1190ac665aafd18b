package io.newsstance.text;

import io.newsstance.api.Span;

/** A token with its character span into the text it was cut from. */
public record Token(String text, Span span) {
}
