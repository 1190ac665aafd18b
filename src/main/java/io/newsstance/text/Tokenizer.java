package io.newsstance.text;

import io.newsstance.api.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into word, number and punctuation tokens with character offsets. Unlike DL4J's
 * CommonPreprocessor it keeps case and the periods of abbreviations, so "U.S." stays one token and is not
 * confused with the pronoun "us"; a possessive "’s" or "'s" becomes its own token so "Russia’s" yields
 * "Russia" + "’s".
 */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            // dotted abbreviations: U.S., U.N., p.m., e.g.
            "(?:\\p{L}\\.){2,}"
            // possessive clitic
            + "|['’][sS](?![\\p{L}\\p{N}])"
            // numbers with separators: 1,200.50  3.5
            + "|\\p{N}+(?:[.,]\\p{N}+)*"
            // words with inner hyphens or apostrophes: Russian-made, O'Brien, don't (but not a possessive 's)
            + "|[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:(?:-|['’](?![sS](?![\\p{L}\\p{N}])))[\\p{L}\\p{M}\\p{N}]+)*"
            // anything else that is not whitespace is one punctuation token
            + "|[^\\s\\p{Z}]");

    public List<Token> tokenize(String text) {
        return tokenize(text, new Span(0, text.length()));
    }

    /** Tokens of {@code text} inside {@code within}; spans are offsets into {@code text}. */
    public List<Token> tokenize(String text, Span within) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(within.start(), within.end());
        while (m.find()) {
            tokens.add(new Token(m.group(), new Span(m.start(), m.end())));
        }
        return tokens;
    }
}
