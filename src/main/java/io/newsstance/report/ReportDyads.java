package io.newsstance.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams the dyads of {@link ScoreRecord}s into per-article sums per ordered pair (A, B), as
 * {@link ReportAggregator} does for actors: rows of one article may come in any order and from several files.
 * {@link DyadGroups} then adds each article's sums to its pair's groups (overall, day, week) for the
 * {@link DyadView}. Per pair, memory is constant (the sums and two bounded {@link EvidenceHeap}s); per article, one
 * cell per pair and a key per dyad, so the same dyad read from a dyad file and a sentence file counts once.
 *
 * <p>An article's dyads come from its dyad and sentence rows when there are any; an article known with dyads
 * only from an article row's dyad table ({@code score --level article}, JSON Lines) contributes that table (counts
 * and mean, so the same sums, and its most negative and most positive sentence as evidence).
 */
final class ReportDyads implements Consumer<ScoreRecord> {

    /** Pairs embedded in the page, most frequent first; the rest are counted, not shown. */
    static final int PAIRS_KEPT = 100;
    /** Pairs, most frequent first, whose daily points are embedded (all kept pairs have weekly points). */
    static final int DAILY_PAIRS = 30;
    /** Evidence kept per pair and side; the page shows the first few inside the date filter. */
    static final int EVIDENCE_KEPT = 10;

    /** An ordered pair. */
    record Pair(String source, String target) {
    }

    /**
     * A dyad as evidence while reading: the four offsets are the article's (-1 unknown), {@code sentenceStart} is
     * the article offset of {@code sentence} (-1 when there is no text).
     */
    record Ev(String articleId, int sentenceIndex, String date, String source, double score, String stance,
              String sourceText, String targetText, String sentence, int sentenceStart, int sourceStart,
              int sourceEnd, int targetStart, int targetEnd) implements EvidenceHeap.Item {
        @Override
        public int highlightStart() {
            return sourceStart;
        }

        /** This piece, with the other piece's offsets when this one has none (text from one row, spans from another). */
        Ev withSpansOf(Ev other) {
            if (sourceStart >= 0 || other.sourceStart < 0) {
                return this;
            }
            return new Ev(articleId, sentenceIndex, date, source, score, stance, other.sourceText, other.targetText,
                    sentence, sentenceStart, other.sourceStart, other.sourceEnd, other.targetStart, other.targetEnd);
        }
    }

    /** One article's dyads. */
    static final class ArticleDyads {
        final String date;
        final String source;
        final Map<Pair, StanceCell> fromRows = new HashMap<>();
        final Map<Pair, StanceCell> fromSummary = new HashMap<>();
        final Map<Pair, Ev[]> summaryEvidence = new HashMap<>();
        final Set<String> seen = new HashSet<>();

        ArticleDyads(String date, String source) {
            this.date = date;
            this.source = source;
        }

        Map<Pair, StanceCell> cells() {
            return fromRows.isEmpty() ? fromSummary : fromRows;
        }
    }

    final Map<String, ArticleDyads> articles = new LinkedHashMap<>();
    final Map<Pair, EvidenceHeap<Ev>[]> evidence = new HashMap<>();

    @Override
    public void accept(ScoreRecord r) {
        if (r instanceof ScoreRecord.Sentence s) {
            for (ScoreRecord.SentenceDyad d : s.dyads()) {
                ScoreRecord.Mention a = firstMention(s, d.sourceActor());
                ScoreRecord.Mention b = firstMention(s, d.targetActor());
                boolean spans = a != null && b != null;
                add(s.articleId(), s.date(), s.source(), new Pair(d.sourceActor(), d.targetActor()), d.stance(),
                        new Ev(s.articleId(), s.sentenceIndex(), s.date(), s.source(), d.score(), d.stance(),
                                a == null ? "" : a.text(), b == null ? "" : b.text(), s.text(),
                                s.text() == null ? -1 : s.sentenceStart(), spans ? a.start() : -1,
                                spans ? a.end() : -1, spans ? b.start() : -1, spans ? b.end() : -1));
            }
        } else if (r instanceof ScoreRecord.Dyad d) {
            add(d.articleId(), d.date(), d.source(), new Pair(d.sourceActor(), d.targetActor()), d.stance(),
                    new Ev(d.articleId(), d.sentenceIndex(), d.date(), d.source(), d.score(), d.stance(),
                            d.sourceText(), d.targetText(), null, -1, d.sourceStart(), d.sourceEnd(),
                            d.targetStart(), d.targetEnd()));
        } else if (r instanceof ScoreRecord.Article a && !a.dyads().isEmpty()) {
            ArticleDyads art = state(a.id(), a.date(), a.source());
            for (ScoreRecord.DyadSummary d : a.dyads()) {
                Pair p = new Pair(d.sourceActor(), d.targetActor());
                art.fromSummary.put(p, StanceCell.of(d.mentions(), d.meanScore(), d.negative(), d.neutral(),
                        d.positive()));
                art.summaryEvidence.put(p, new Ev[]{
                        summaryEv(a, d.mostNegativeSentence(), d.mostNegativeText(), d.mostNegativeScore()),
                        summaryEv(a, d.mostPositiveSentence(), d.mostPositiveText(), d.mostPositiveScore())});
            }
        }
    }

    private static Ev summaryEv(ScoreRecord.Article a, int index, String text, double score) {
        return new Ev(a.id(), index, a.date(), a.source(), score, "", "", "", text.isEmpty() ? null : text, -1, -1, -1,
                -1, -1);
    }

    /** The first mention of {@code actor} in the sentence with known offsets (the dyad's, as score reads it). */
    private static ScoreRecord.Mention firstMention(ScoreRecord.Sentence s, String actor) {
        ScoreRecord.Mention first = null;
        for (ScoreRecord.Mention m : s.mentions()) {
            if (m.actor().equals(actor) && m.start() >= 0 && (first == null || m.start() < first.start())) {
                first = m;
            }
        }
        return first;
    }

    private ArticleDyads state(String id, String date, String source) {
        return articles.computeIfAbsent(id, k -> new ArticleDyads(date, source));
    }

    private void add(String articleId, String date, String source, Pair pair, String stance, Ev e) {
        ArticleDyads a = state(articleId, date, source);
        if (a.seen.add(e.sentenceIndex() + "\u0000" + pair.source() + "\u0000" + pair.target())) {
            a.fromRows.computeIfAbsent(pair, k -> new StanceCell()).add(stance, e.score());
        }
        offer(pair, e);
    }

    void offer(Pair pair, Ev e) {
        EvidenceHeap<Ev>[] sides = evidence.computeIfAbsent(pair, k -> EvidenceHeap.sides(EVIDENCE_KEPT));
        sides[0].offer(e);
        sides[1].offer(e);
    }

    /** The view of everything accepted so far; {@code names} and {@code urls} look actors and articles up. */
    DyadView result(java.util.function.Function<String, String> names,
                    java.util.function.Function<String, String> urls) {
        return new DyadGroups(this, names, urls).view();
    }

    /** Evidence as the page shows it: offsets into the sentence, or -1 where they do not fall inside it. */
    static DyadView.Evidence shown(Ev e, String url) {
        int[] a = relative(e, e.sourceStart(), e.sourceEnd());
        int[] b = relative(e, e.targetStart(), e.targetEnd());
        return new DyadView.Evidence(e.articleId(), e.sentenceIndex(), e.date(), e.source(), url, e.score(),
                e.stance(), e.sourceText(), e.targetText(), e.sentence(), a[0], a[1], b[0], b[1]);
    }

    private static int[] relative(Ev e, int start, int end) {
        if (e.sentence() == null || e.sentenceStart() < 0 || start < 0) {
            return new int[]{-1, -1};
        }
        int from = start - e.sentenceStart();
        int to = end - e.sentenceStart();
        return from < 0 || to > e.sentence().length() || from >= to ? new int[]{-1, -1} : new int[]{from, to};
    }
}
