package io.newsstance.text;

import io.newsstance.api.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void sentencesAreIndexedInOrderWithEndExclusiveOffsets() {
        String text = "Seoul said so.  Tokyo agreed.\n\nBeijing did not.";
        List<Sentence> sentences = splitter.split(text);
        assertEquals(3, sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            assertEquals(i, s.index());
            assertEquals(s.text(), text.substring(s.span().start(), s.span().end()));
        }
        assertEquals(new Span(16, 29), sentences.get(1).span());
    }

    @Test
    void emptyAndBoilerplateOnlyTextsHaveNoSentences() {
        assertTrue(splitter.split("").isEmpty());
        assertTrue(splitter.split("   \n\n  ").isEmpty());
        assertTrue(splitter.split("Advertisement\n\nShare this article\n(Editing by Jane Doe)").isEmpty());
    }

    @Test
    void windowsLineEndingsKeepOffsetsRight() {
        String text = "Russia warned NATO.\r\nNATO said it was ready.\r\n";
        List<Sentence> sentences = splitter.split(text);
        assertEquals(List.of("Russia warned NATO.", "NATO said it was ready."),
                sentences.stream().map(Sentence::text).toList());
        assertEquals("NATO said it was ready.", sentences.get(1).span().of(text));
    }

    @Test
    void aLongArticleSplitsInLinearTime() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("Officials in Seoul said the U.S. envoy met Mr. Kim at 9 a.m. on Jan. ").append(i % 28 + 1).append(". ");
        }
        assertEquals(5000, splitter.split(sb.toString()).size());
    }
}
