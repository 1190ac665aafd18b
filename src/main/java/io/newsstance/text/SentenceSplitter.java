package io.newsstance.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.newsstance.api.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits news text into sentences with character offsets into the original text.
 *
 * <p>How it works, and why:
 * <ol>
 *   <li>The text is cut into lines. A single line break is <em>soft</em>: pasted text is often cut
 *   mid-sentence, so the break counts as a space and the sentence iterator decides. A blank line, a list item
 *   (bullet or number, marker left out) or a non-sentence line ends a sentence: a headline without a final
 *   period followed by a blank line is its own sentence.</li>
 *   <li>Bylines, photo credits, "(Editing by …)" trailers and web boilerplate are dropped
 *   ({@link NonSentenceLines}).</li>
 *   <li>Each run of joined lines goes through ICU's sentence break iterator; a break right after an
 *   abbreviation of {@code abbreviations.txt} (Mr., Gen., Jan., U.S., p.m., …) or a middle initial is undone.
 *   (ICU's own FilteredBreakIteratorBuilder ignored added suppressions and those with inner periods such as
 *   "U.S." in ICU4J 78.1, measured here.) Because "U.S." and "p.m." can also end a sentence, their break is
 *   kept when a word that typically opens a sentence follows ("The", "It", "But", …).</li>
 *   <li>A break before a lower-case word is undone ("“Why now?” the minister asked"); an ellipsis followed by
 *   a capitalised word ends a sentence.</li>
 * </ol>
 * A dateline ("MOSCOW (Reuters) -") stays at the head of the first sentence. Instances are immutable and
 * thread-safe; the ICU iterator is cloned per call.
 */
public final class SentenceSplitter {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u2028\\u2029\\u0085]");
    /** Abbreviations that may also end a sentence; the others (Mr., Gen., …) are always followed by more. */
    private static final Set<String> FINAL_CAPABLE = Set.of("U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "U.A.E.",
            "D.C.", "a.m.", "p.m.", "A.M.", "P.M.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "etc.", "Bros.");
    /** Words that typically open a sentence: after "U.S." or "p.m." they mean the sentence did end. */
    private static final Pattern SENTENCE_OPENER = Pattern.compile(
            "[\"“‘']?(?:The|A|An|It|Its|He|She|They|We|I|His|Her|Their|Our|But|And|However|In|On|At|This|That|"
                    + "These|Those|There|Officials|Meanwhile|Earlier|Later|Last|Analysts|Asked|When|After|Before|If|"
                    + "Both|Some|Many|Most|No|Yet|Still|Such|What|Why|How|Nobody|Neither|None|Critics|Experts)\\b");
    private static final Pattern ELLIPSIS_THEN_CAPITAL = Pattern.compile("(?:…|\\.\\.\\.)(\\s+)(?=[\"“‘']?\\p{Lu})");
    private static final Pattern LAST_TOKEN = Pattern.compile("(?:^|[\\s(\\[\"“])(\\S+)$");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.");

    private final BreakIterator prototype;
    private final Set<String> abbreviations;

    public SentenceSplitter() {
        this(loadAbbreviations());
    }

    public SentenceSplitter(List<String> abbreviations) {
        this.abbreviations = Set.copyOf(abbreviations);
        this.prototype = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
    }

    /** The project's abbreviation list, one per line in {@code /newsstance/text/abbreviations.txt}. */
    public static List<String> loadAbbreviations() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream("/newsstance/text/abbreviations.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource /newsstance/text/abbreviations.txt is missing");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sentences of {@code text}, in order, with offsets into {@code text}. */
    public List<Sentence> split(String text) {
        List<Span> lines = lines(text);
        char[] work = text.toCharArray(); // soft line breaks become spaces here; offsets stay the same
        List<Sentence> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Span line = lines.get(i);
            if (line.length() == 0 || NonSentenceLines.isNonSentence(line.of(text))) {
                i++;
                continue;
            }
            int blockStart = line.start();
            int blockEnd = line.end();
            while (i + 1 < lines.size() && isSoftBreak(text, lines.get(i), lines.get(i + 1))) {
                for (int k = lines.get(i).end(); k < lines.get(i + 1).start(); k++) {
                    work[k] = ' ';
                }
                i++;
                blockEnd = lines.get(i).end();
            }
            splitBlock(text, new String(work, blockStart, blockEnd - blockStart), blockStart, out);
            i++;
        }
        return out;
    }

    private void splitBlock(String text, String block, int offset, List<Sentence> out) {
        BreakIterator it = (BreakIterator) prototype.clone();
        it.setText(block);
        List<Span> segments = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            segments.add(new Span(start, end));
        }
        for (Span merged : mergeFalseBreaks(block, segments)) {
            for (Span piece : splitAfterEllipses(block, merged)) {
                Span trimmed = trim(text, piece.shift(offset));
                if (trimmed.length() > 0 && !NonSentenceLines.isNonSentence(trimmed.of(text))) {
                    out.add(new Sentence(out.size(), trimmed, trimmed.of(text)));
                }
            }
        }
    }

    /**
     * Joins segments the ICU iterator cut after an abbreviation ("Lt.", "U.S.", "Harold J.") or before a
     * lower-case continuation ("“Why now?” the minister asked"). A sentence-final abbreviation keeps its
     * break when a typical sentence opener follows ("… by the U.S. The move …").
     */
    private List<Span> mergeFalseBreaks(String block, List<Span> segments) {
        List<Span> out = new ArrayList<>();
        Span current = null;
        for (Span next : segments) {
            if (current == null) {
                current = next;
            } else if (isFalseBreak(block, current, next)) {
                current = new Span(current.start(), next.end());
            } else {
                out.add(current);
                current = next;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }

    private boolean isFalseBreak(String block, Span current, Span next) {
        String following = next.of(block).stripLeading();
        if (following.isEmpty()) {
            return true;
        }
        int first = following.codePointAt(0);
        if (Character.isLowerCase(first)) {
            return true;
        }
        Matcher last = LAST_TOKEN.matcher(current.of(block).stripTrailing());
        if (!last.find()) {
            return false;
        }
        String token = last.group(1).replaceFirst("^[(\\[\"“‘']+", "");
        if (INITIAL.matcher(token).matches()) {
            return true; // "Harold J. Whitman"
        }
        if (!abbreviations.contains(token)) {
            return false;
        }
        return !(FINAL_CAPABLE.contains(token) && SENTENCE_OPENER.matcher(following).lookingAt());
    }

    private static List<Span> splitAfterEllipses(String block, Span span) {
        List<Span> pieces = new ArrayList<>();
        Matcher m = ELLIPSIS_THEN_CAPITAL.matcher(block).region(span.start(), span.end());
        int from = span.start();
        while (m.find()) {
            pieces.add(new Span(from, m.start(1)));
            from = m.end(1);
        }
        pieces.add(new Span(from, span.end()));
        return pieces;
    }

    /**
     * A single line break is soft (the sentence may go on; ICU decides as if it were a space) unless the next
     * line starts a list item or either line is not sentence material (byline, credit, boilerplate).
     */
    private static boolean isSoftBreak(String text, Span line, Span next) {
        if (line.length() == 0 || next.length() == 0 || next.start() > 0 && isListItemStart(text, next)) {
            return false;
        }
        return !NonSentenceLines.isNonSentence(line.of(text)) && !NonSentenceLines.isNonSentence(next.of(text));
    }

    private static final Pattern LIST_MARKER = Pattern.compile("(?:[-*•–·▪]|\\d{1,3}[.)])[ \\t]+");

    /** Whether the original line began with a bullet or number (its span already excludes the marker). */
    private static boolean isListItemStart(String text, Span line) {
        int lineStart = line.start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        return lineStart < line.start() && LIST_MARKER.matcher(text).region(lineStart, line.start()).lookingAt()
                && text.substring(lineStart, line.start()).strip().length() > 0;
    }

    /** Content lines (each without its line terminator) with their offsets, blank lines as empty spans. */
    private static List<Span> lines(String text) {
        List<Span> lines = new ArrayList<>();
        Matcher m = LINE_BREAK.matcher(text);
        int from = 0;
        while (m.find()) {
            lines.add(withoutListMarker(text, trim(text, new Span(from, m.start()))));
            from = m.end();
        }
        lines.add(withoutListMarker(text, trim(text, new Span(from, text.length()))));
        return lines;
    }

    private static Span withoutListMarker(String text, Span line) {
        Matcher m = LIST_MARKER.matcher(text).region(line.start(), line.end());
        return m.lookingAt() && m.end() < line.end() ? new Span(m.end(), line.end()) : line;
    }

    private static Span trim(String text, Span span) {
        int s = span.start();
        int e = span.end();
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        return s == e ? new Span(s, s) : new Span(s, e);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
    }
}
