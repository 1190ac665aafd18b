package io.newsstance.actors;

import io.newsstance.api.AliasKind;
import io.newsstance.api.Span;
import io.newsstance.text.Sentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds actor mentions in article text. Thread-safe: the per-article state (who has been introduced) lives in
 * a local object per call.
 *
 * <p>Matching rules:
 * <ul>
 *   <li>Aliases match case-sensitively at word boundaries, longest first: "North Korea" wins over "Korea",
 *   "U.S. State Department" over "U.S."; a hit is never inside a word ("Chinatown") and mentions never
 *   overlap. Curly and straight apostrophes are interchangeable.</li>
 *   <li>A possessive or a hyphenated compound ends a mention: "Russia’s" gives "Russia"; "U.S.-led" gives
 *   "U.S."; "U.S.-Russia relations" gives two mentions.</li>
 *   <li>Ambiguous names go through {@link AmbiguityRules}.</li>
 *   <li>Back-references: once a leader or minister has appeared by full name, the surname alone (the
 *   dictionary's {@code backref}), bare or after a title ("Kim", "Mr. Kim", "President Moon"), refers to the
 *   same actor for the rest of the article; the latest person introduced with that surname wins. A surname
 *   followed by another capitalised name word ("Kim Yo Jong") or preceded by a given name is left alone.</li>
 *   <li>"the North" / "the South" mean North / South Korea once that Korea has been mentioned in the article
 *   (not before a capitalised word: "the North Atlantic", "the South China Sea"). "Korea" or "Korean" alone
 *   means the one Korea the article has mentioned, and nothing if it has mentioned both or neither.</li>
 * </ul>
 */
public final class MentionFinder {

    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]*(?:-[\\p{L}\\p{M}]+)*");
    private static final Pattern KOREAN_WORD = Pattern.compile("Koreans?|Korea(?!n)");

    private final ActorDictionary dictionary;
    private final AliasTrie trie;

    public MentionFinder(ActorDictionary dictionary) {
        this.dictionary = dictionary;
        this.trie = new AliasTrie(dictionary.aliases());
    }

    public ActorDictionary dictionary() {
        return dictionary;
    }

    /** Mentions in a single piece of text, read as an article of one sentence. */
    public List<Mention> find(String text) {
        return find(text, List.of(new Sentence(0, new Span(0, text.length()), text))).get(0);
    }

    /** Mentions per sentence (same order as {@code sentences}), with spans into {@code text}. */
    public List<List<Mention>> find(String text, List<Sentence> sentences) {
        ArticleState state = new ArticleState();
        List<List<Mention>> out = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            out.add(findInSentence(text, sentence.span(), state));
        }
        return out;
    }

    private List<Mention> findInSentence(String text, Span sentence, ArticleState state) {
        List<Mention> mentions = new ArrayList<>();
        int i = sentence.start();
        int limit = sentence.end();
        while (i < limit) {
            if (!isWordStart(text, i)) {
                i++;
                continue;
            }
            Mention found = dictionaryHit(text, i, sentence, state);
            if (found == null) {
                found = contextualHit(text, i, sentence, state);
            }
            if (found != null) {
                mentions.add(found);
                state.actorsSeen.add(found.actorId());
                i = found.span().end();
            } else {
                i++;
            }
        }
        return mentions;
    }

    private Mention dictionaryHit(String text, int start, Span sentence, ArticleState state) {
        for (AliasTrie.Hit hit : trie.matchesAt(text, start, sentence.end())) {
            Alias alias = hit.alias();
            if (AmbiguityRules.accept(alias, text, start, hit.end(), sentence, text)) {
                if (alias.kind().isPerson() && !alias.backref().isEmpty()) {
                    state.backrefs.put(alias.backref(), alias);
                }
                return new Mention(alias.actorId(), new Span(start, hit.end()), text.substring(start, hit.end()),
                        alias.kind());
            }
        }
        return null;
    }

    /** Surnames of introduced people, "the North"/"the South", and a lone "Korea". */
    private Mention contextualHit(String text, int start, Span sentence, ArticleState state) {
        Matcher word = NAME_WORD.matcher(text).region(start, sentence.end());
        if (!word.lookingAt() || !isWordEnd(text, word.end(), sentence.end())) {
            return null;
        }
        String w = word.group();
        int end = word.end();
        String before = AmbiguityRules.wordBefore(text, start, sentence.start());
        String after = AmbiguityRules.wordAfter(text, end, sentence.end());
        boolean nameAfter = !after.isEmpty() && Character.isUpperCase(after.charAt(0)) && text.charAt(end) == ' ';

        Alias person = state.backrefs.get(w);
        boolean givenNameBefore = AmbiguityRules.isCapitalisedNameWord(before)
                && !AmbiguityRules.TITLES_AND_OPENERS.contains(before);
        if (person != null && !nameAfter && !givenNameBefore) {
            return new Mention(person.actorId(), new Span(start, end), w, person.kind());
        }
        if ((w.equals("North") || w.equals("South")) && (before.equals("the") || before.equals("The"))
                && !nameAfter && !(end < text.length() && text.charAt(end) == '-')) {
            String actor = w.equals("North") ? "DPRK" : "SOUTH_KOREA";
            if (state.actorsSeen.contains(actor) && dictionary.actor(actor).isPresent()) {
                return new Mention(actor, new Span(start, end), w, AliasKind.SHORT_NAME);
            }
        }
        if (KOREAN_WORD.matcher(w).matches() && !before.equals("North") && !before.equals("South")
                && !after.equals("Peninsula") && !after.equals("War") && !after.equals("peninsula")
                && !after.equals("war")) {
            boolean north = state.actorsSeen.contains("DPRK");
            boolean south = state.actorsSeen.contains("SOUTH_KOREA");
            if (north != south) {
                String actor = north ? "DPRK" : "SOUTH_KOREA";
                return new Mention(actor, new Span(start, end), w,
                        w.startsWith("Korean") ? AliasKind.DEMONYM : AliasKind.SHORT_NAME);
            }
        }
        return null;
    }

    static boolean isWordStart(CharSequence text, int i) {
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }

    /** A match may end at {@code end} if no letter or digit follows ("Russia’s" and "U.S.-led" end fine). */
    static boolean isWordEnd(CharSequence text, int end, int limit) {
        return end >= limit || !Character.isLetterOrDigit(text.charAt(end));
    }

    /** What one article has introduced so far. */
    private static final class ArticleState {
        final Set<String> actorsSeen = new HashSet<>();
        final Map<String, Alias> backrefs = new HashMap<>();
    }
}
