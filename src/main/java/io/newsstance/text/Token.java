package io.newsstance.text;

/** A token with its character span into the text it was cut from. */
public record Token(String text, Span span) {
}
