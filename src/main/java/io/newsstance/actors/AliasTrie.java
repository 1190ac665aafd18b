package io.newsstance.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character trie over alias strings. Matching folds typographic variants that news text mixes freely
 * (curly and straight apostrophes, non-breaking spaces, Unicode hyphens) but is otherwise case-sensitive, so
 * "US" never matches "us" and "WHO" never matches "who".
 */
final class AliasTrie {

    /** An alias found at some start offset, ending (exclusive) at {@code end}. */
    record Hit(int end, Alias alias) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Alias alias;
    }

    private final Node root = new Node();

    AliasTrie(Iterable<Alias> aliases) {
        for (Alias alias : aliases) {
            Node node = root;
            String text = alias.text();
            for (int i = 0; i < text.length(); i++) {
                node = node.next.computeIfAbsent(fold(text.charAt(i)), c -> new Node());
            }
            node.alias = alias;
        }
    }

    /**
     * Aliases that start at {@code start} and end on a word boundary at or before {@code limit}, longest first.
     */
    List<Hit> matchesAt(CharSequence text, int start, int limit) {
        List<Hit> hits = new ArrayList<>(2);
        Node node = root;
        for (int i = start; i < limit; i++) {
            node = node.next.get(fold(text.charAt(i)));
            if (node == null) {
                break;
            }
            if (node.alias != null && MentionFinder.isWordEnd(text, i + 1, limit)) {
                hits.add(0, new Hit(i + 1, node.alias));
            }
        }
        return hits;
    }

    static char fold(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '\u02bc', '\u2032', '`' -> '\'';
            case '\u00a0', '\u2009', '\u202f' -> ' ';
            case '\u2010', '\u2011' -> '-';
            default -> c;
        };
    }
}
