package io.newsstance.text;

import io.newsstance.api.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    private List<String> texts(String s) {
        return tokenizer.tokenize(s).stream().map(Token::text).toList();
    }

    @Test
    void keepsAbbreviationsAndSplitsPossessives() {
        assertEquals(List.of("The", "U.S.", "and", "Russia", "’s", "envoy", "met", "."),
                texts("The U.S. and Russia’s envoy met."));
        assertEquals(List.of("China", "'s", "Russian-made", "jets", "cost", "$", "1.2", "billion"),
                texts("China's Russian-made jets cost $1.2 billion"));
    }

    @Test
    void caseIsKeptSoUsIsNotTheCountry() {
        assertEquals(List.of("Tell", "us", "what", "the", "US", "wants"), texts("Tell us what the US wants"));
    }

    @Test
    void offsetsPointIntoTheTextEndExclusive() {
        String s = "  Kim Jong Un’s “missile” test, Jan. 5 ";
        for (Token t : tokenizer.tokenize(s)) {
            assertEquals(t.text(), s.substring(t.span().start(), t.span().end()));
        }
        assertEquals(new Span(2, 5), tokenizer.tokenize(s).get(0).span());
    }

    @Test
    void tokenizesOnlyInsideTheGivenSpan() {
        String s = "One. Two three. Four.";
        List<Token> tokens = tokenizer.tokenize(s, new Span(5, 15));
        assertEquals(List.of("Two", "three", "."), tokens.stream().map(Token::text).toList());
        assertEquals(5, tokens.get(0).span().start());
    }
}
