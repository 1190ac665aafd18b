package io.newsstance.robustness;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.actors.Mention;
import io.newsstance.actors.MentionFinder;
import io.newsstance.api.Span;
import io.newsstance.text.Sentence;
import io.newsstance.text.SentenceSplitter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based checks (jqwik) of the sentence splitter and the mention finder on generated news-like text:
 * actor names and their traps (possessives, "U.S.-led", "the North", "George Washington"), abbreviations,
 * quotes, ellipses, emoji, list items, bylines and boilerplate, every kind of line break and space. Whatever the
 * text, every span lies inside it, spans come sorted and never overlap, and {@code text.substring(start, end)}
 * is exactly the sentence or mention text reported.
 */
class SpanPropertiesTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final ActorDictionary DICTIONARY = ActorDictionary.loadDefault();
    private static final MentionFinder FINDER = new MentionFinder(DICTIONARY);

    private static final List<String> WORDS = List.of(
            "Russia", "Russia’s", "Russia's", "Russian", "Moscow", "the Kremlin", "Kremlin", "Putin", "Vladimir Putin",
            "U.S.", "U.S.-led", "U.S.-Russia", "US", "us", "the United States", "Washington", "George Washington",
            "Washington Post", "Washington state", "White House", "Pentagon", "North Korea", "South Korea", "Korea",
            "Korean", "Koreans", "the North", "the South", "the North Atlantic", "the South China Sea", "Pyongyang",
            "Seoul", "Kim Jong Un", "Kim", "Mr. Kim", "Kim Yo Jong", "President Moon", "Moon Jae-in", "China",
            "Chinatown", "Beijing", "Xi Jinping", "Xi", "EU", "the EU", "European Union", "Brussels", "NATO",
            "WHO", "who", "the U.N.", "U.N.", "UN", "Security Council", "IAEA", "Iran", "Tehran", "Israel",
            "Georgia", "Tbilisi", "Atlanta", "Georgia governor", "Turkey", "Thanksgiving Turkey", "turkey", "Jordan",
            "Michael Jordan", "Chad", "Chad Smith", "New Mexico", "Latin America", "Paris Agreement", "Kyiv",
            "Ukraine", "Zelenskyy", "Japan", "Tokyo", "India", "Hamas", "Hezbollah", "Taliban",
            "Mr.", "Mrs.", "Gen.", "Sen.", "Jan.", "No.", "Inc.", "Corp.", "Jr.", "J.", "a.m.", "p.m.", "etc.",
            "said", "says", "the", "The", "It", "But", "talks", "condemned", "praised", "warned", "missile",
            "sanctions", "on", "Tuesday", "officials", "12", "3.5", "2025", "😀", "Café", "naïve", "Ελλάδα", "中国",
            "…", "...", "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "-", "—", "–", ",", ";", ":", "?", "!",
            ".", "'s", "’s", "/", "&", "\u200b", "\ufeff");

    private static final List<String> SEPARATORS = List.of(" ", " ", " ", " ", "  ", "", "\n", "\n\n", "\r\n",
            "\r\n\r\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\u0085", "\n- ", "\n* ", "\n• ", "\n1. ", "\n2) ",
            "\n\n", "\n \n");

    private static final List<String> LINES = List.of("Advertisement", "Share this article", "(Editing by Jane Doe)",
            "By Jane Doe", "Reuters/John Smith", "MOSCOW (Reuters) -", "SEOUL, March 14 (AP) —", "Photo: AFP");

    @Provide
    Arbitrary<String> newsText() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.of(WORDS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(LINES).map(l -> "\n" + l + "\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(4)));
        Arbitrary<String> separator = Arbitraries.of(SEPARATORS);
        return net.jqwik.api.Combinators.combine(piece.list().ofMaxSize(60), separator.list().ofSize(60))
                .as((pieces, seps) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < pieces.size(); i++) {
                        b.append(pieces.get(i)).append(seps.get(i));
                    }
                    return b.toString();
                });
    }

    @Property(tries = 400)
    void sentenceSpansAreInsideSortedDisjointAndMatchTheText(@ForAll("newsText") String text) {
        checkSentences(text, SPLITTER.split(text));
    }

    @Property(tries = 200)
    void sentencesOfArbitraryUnicodeToo(@ForAll @StringLength(max = 300) String text) {
        checkSentences(text, SPLITTER.split(text));
    }

    @Property(tries = 400)
    void mentionSpansAreInsideTheirSentenceSortedDisjointAndMatchTheText(@ForAll("newsText") String text) {
        List<Sentence> sentences = SPLITTER.split(text);
        List<List<Mention>> mentions = FINDER.find(text, sentences);
        assertEquals(sentences.size(), mentions.size());
        int previousEnd = 0;
        for (int i = 0; i < sentences.size(); i++) {
            for (Mention m : mentions.get(i)) {
                checkMention(text, m, sentences.get(i).span(), previousEnd);
                previousEnd = m.span().end();
            }
        }
    }

    @Property(tries = 200)
    void mentionsInAWholeTextAsOneSentence(@ForAll("newsText") String text) {
        int previousEnd = 0;
        for (Mention m : FINDER.find(text)) {
            checkMention(text, m, new Span(0, text.length()), previousEnd);
            previousEnd = m.span().end();
        }
    }

    private static void checkSentences(String text, List<Sentence> sentences) {
        int previousEnd = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            assertEquals(i, s.index(), "indices count up from 0");
            assertTrue(s.span().start() >= previousEnd, () -> "sorted, not overlapping: " + s.span() + " after "
                    + sentences.subList(0, sentences.indexOf(s)));
            assertTrue(s.span().end() <= text.length(), () -> s.span() + " inside a text of " + text.length());
            assertTrue(s.span().length() > 0, "no empty sentence");
            assertEquals(text.substring(s.span().start(), s.span().end()), s.text());
            assertTrue(!Character.isWhitespace(s.text().charAt(0))
                    && !Character.isWhitespace(s.text().charAt(s.text().length() - 1)), "trimmed: [" + s.text() + "]");
            previousEnd = s.span().end();
        }
    }

    private static void checkMention(String text, Mention m, Span sentence, int previousEnd) {
        assertTrue(m.span().length() > 0, "no empty mention");
        assertTrue(sentence.contains(m.span()), () -> m + " inside its sentence " + sentence);
        assertTrue(m.span().start() >= previousEnd, () -> m + " starts after the previous mention ended at "
                + previousEnd);
        assertEquals(text.substring(m.span().start(), m.span().end()), m.text());
        assertTrue(DICTIONARY.actor(m.actorId()).isPresent(), () -> "known actor: " + m.actorId());
    }
}
