package io.newsstance.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The {@code capacity} most extreme evidence mentions of one actor on one side, in constant memory however many
 * rows stream past. More are kept than the page first shows, so that the page's date filter still finds evidence
 * inside a narrower range.
 */
final class EvidenceHeap {

    /** Most extreme first: by score (ascending for the negative side), then with sentence text, then by place. */
    private final Comparator<ReportData.Evidence> order;
    private final PriorityQueue<ReportData.Evidence> heap;   // least extreme at the head, to be dropped first
    private final int capacity;

    EvidenceHeap(boolean negative, int capacity) {
        Comparator<ReportData.Evidence> byScore = Comparator.comparingDouble(ReportData.Evidence::score);
        this.order = (negative ? byScore : byScore.reversed())
                .thenComparing(e -> e.sentence() == null)
                .thenComparing(ReportData.Evidence::articleId)
                .thenComparingInt(ReportData.Evidence::sentenceIndex)
                .thenComparingInt(ReportData.Evidence::highlightStart);
        this.heap = new PriorityQueue<>(order.reversed());
        this.capacity = capacity;
    }

    void offer(ReportData.Evidence e) {
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
    List<ReportData.Evidence> sorted() {
        List<ReportData.Evidence> all = new ArrayList<>(heap);
        all.sort(order);
        Set<String> seen = new HashSet<>();
        List<ReportData.Evidence> out = new ArrayList<>();
        for (ReportData.Evidence e : all) {
            if (seen.add(e.articleId() + "\u0000" + e.sentenceIndex())) {
                out.add(e);
            }
        }
        return out;
    }
}
