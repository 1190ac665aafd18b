package io.newsstance.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BinaryOperator;

/**
 * The {@code capacity} most extreme evidence sentences of one actor (or one dyad) on one side, in constant memory
 * however many rows stream past. More are kept than the page first shows, so that the page's date filter still
 * finds evidence inside a narrower range.
 */
final class EvidenceHeap<E extends EvidenceHeap.Item> {

    /** What the heap orders evidence by. */
    interface Item {
        double score();

        /** The sentence text, or null when the row did not carry it. */
        String sentence();

        String articleId();

        int sentenceIndex();

        /** A tie-break inside the sentence (the mention's offset). */
        int highlightStart();
    }

    /** Most extreme first: by score (ascending for the negative side), then with sentence text, then by place. */
    private final Comparator<E> order;
    private final PriorityQueue<E> heap;   // least extreme at the head, to be dropped first
    private final int capacity;

    EvidenceHeap(boolean negative, int capacity) {
        Comparator<E> byScore = Comparator.comparingDouble(Item::score);
        this.order = (negative ? byScore : byScore.reversed())
                .thenComparing(e -> e.sentence() == null)
                .thenComparing(Item::articleId)
                .thenComparingInt(Item::sentenceIndex)
                .thenComparingInt(Item::highlightStart);
        this.heap = new PriorityQueue<>(order.reversed());
        this.capacity = capacity;
    }

    /** A negative and a positive heap. */
    @SuppressWarnings("unchecked")
    static <E extends Item> EvidenceHeap<E>[] sides(int capacity) {
        return new EvidenceHeap[]{new EvidenceHeap<E>(true, capacity), new EvidenceHeap<E>(false, capacity)};
    }

    void offer(E e) {
        if (heap.size() < capacity) {
            heap.add(e);
        } else if (order.compare(e, heap.peek()) < 0) {
            heap.poll();
            heap.add(e);
        }
    }

    /**
     * Most extreme first, one per sentence (an actor named twice in a sentence, or a mention read from both a
     * mention and a sentence file, is one piece of evidence).
     */
    List<E> sorted() {
        return sorted((kept, dropped) -> kept);
    }

    /**
     * As {@link #sorted()}, but a sentence's later pieces are merged into its first ({@code merge(first, later)}),
     * so that what one row lacks (the text) another of the same sentence can give (the offsets).
     */
    List<E> sorted(BinaryOperator<E> merge) {
        List<E> all = new ArrayList<>(heap);
        all.sort(order);
        Map<String, E> bySentence = new LinkedHashMap<>();
        for (E e : all) {
            bySentence.merge(e.articleId() + "\u0000" + e.sentenceIndex(), e, merge);
        }
        return new ArrayList<>(bySentence.values());
    }
}
