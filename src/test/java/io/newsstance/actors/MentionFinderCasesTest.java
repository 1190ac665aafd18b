package io.newsstance.actors;

import io.newsstance.CaseFile;
import io.newsstance.text.Sentence;
import io.newsstance.text.SentenceSplitter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team's tricky mention cases (src/test/resources/newsstance/actors/mention-cases.txt). */
class MentionFinderCasesTest {

    private static final MentionFinder FINDER = new MentionFinder(ActorDictionary.loadDefault());
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final List<CaseFile.Case> CASES = CaseFile.read("/newsstance/actors/mention-cases.txt");

    @Test
    void thereAreAtLeastFortyCases() {
        assertTrue(CASES.size() >= 40, "cases: " + CASES.size());
    }

    @TestFactory
    Stream<DynamicTest> findsEachCaseAsExpected() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<Sentence> sentences = SPLITTER.split(c.input());
            List<String> found = new ArrayList<>();
            for (List<Mention> perSentence : FINDER.find(c.input(), sentences)) {
                for (Mention m : perSentence) {
                    assertEquals(m.text(), m.span().of(c.input()), "offsets must point into the input");
                    found.add(m.actorId() + "|" + m.text());
                }
            }
            List<String> expected = c.expected().equals(List.of("(none)")) ? List.of() : c.expected();
            assertEquals(expected, found, c.name() + ": " + c.input());
        }));
    }
}
