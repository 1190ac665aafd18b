package io.newsstance.text;

import io.newsstance.CaseFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team's tricky news cases (src/test/resources/newsstance/text/splitter-cases.txt). */
class SentenceSplitterCasesTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final List<CaseFile.Case> CASES = CaseFile.read("/newsstance/text/splitter-cases.txt");

    @Test
    void thereAreAtLeastFortyCases() {
        assertTrue(CASES.size() >= 40, "cases: " + CASES.size());
    }

    @TestFactory
    Stream<DynamicTest> splitsEachCaseAsExpected() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<Sentence> sentences = SPLITTER.split(c.input());
            List<String> expected = c.expected().stream().map(s -> s.replace("\\n", "\n")).toList();
            assertEquals(expected, sentences.stream().map(Sentence::text).toList(), c.name());
            for (Sentence s : sentences) {
                assertEquals(s.text(), s.span().of(c.input()), "offsets must point into the input");
            }
            for (String skip : c.skipped()) {
                for (Sentence s : sentences) {
                    assertFalse(s.text().contains(skip), "'" + skip + "' must not be in a sentence: " + s.text());
                }
            }
        }));
    }
}
