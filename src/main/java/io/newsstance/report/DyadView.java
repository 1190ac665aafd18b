package io.newsstance.report;

import java.util.List;

/**
 * The report's dyad view: how actor A treats actor B (A→B), aggregated in Java like the actor view, and embedded
 * in the page as JSON (snake_case). A dyad is one ordered pair in one sentence, so a {@link ReportData.Stat}'s
 * {@code mentions} here counts sentences with the pair; its interval is over articles, the same rule
 * ({@link io.newsstance.scoring.ActorAggregator#interval}) as the actors'.
 *
 * @param totals      counts over every dyad read
 * @param actors      the actors of the pairs embedded, with the sentences they are in as source or target, most
 *                    first: the matrix takes its rows and columns from the head of this list
 * @param days        dated days in {@link #cells} order, ascending
 * @param pairs       the {@link ReportDyads#PAIRS_KEPT} most frequent pairs over all dates, most sentences first
 * @param cells       {@code [pair index, day index or -1 when undated, sentences, articles, score sum, negative,
 *                    neutral, positive]} (integers but the sum), so the page can narrow the figures to a date range
 * @param pairsLeftOut pairs read but not embedded (fewer sentences than the last embedded one)
 */
public record DyadView(Totals totals, List<ActorRef> actors, List<String> days, List<Pair> pairs,
                       List<Number[]> cells, int pairsLeftOut) {

    /**
     * Counts over all dyads read: sentences with a dyad (one per ordered pair and sentence), pairs, articles,
     * how many dyads had no date, how many articles gave their dyads only through an article row's dyad table.
     */
    public record Totals(long dyads, int pairs, long articles, long undatedDyads, long articlesFromSummaries,
                         String firstDate, String lastDate) {
    }

    /** An actor of the embedded pairs and the dyads it is in, as source or target. */
    public record ActorRef(String actor, String name, long dyads) {
    }

    /**
     * One ordered pair over all dates: figures, its daily points (null beyond the
     * {@link ReportDyads#DAILY_PAIRS} most frequent pairs, to bound the page's size) and weekly points, and its
     * {@link ReportDyads#EVIDENCE_KEPT} most negative and most positive dyads.
     */
    public record Pair(String source, String sourceName, String target, String targetName, ReportData.Stat stat,
                       List<ReportData.Point> daily, List<ReportData.Point> weekly, List<Evidence> negative,
                       List<Evidence> positive) {
    }

    /**
     * A dyad shown as evidence. {@code sentence} is null when the input had no sentence text (dyad rows alone);
     * the four offsets are into {@code sentence}, end-exclusive, or -1 where the input did not give the span.
     * {@code stance} is "" for an article row's most negative or most positive sentence (the table gives only
     * its score).
     */
    public record Evidence(String articleId, int sentenceIndex, String date, String source, String url,
                           double score, String stance, String sourceText, String targetText, String sentence,
                           int sourceStart, int sourceEnd, int targetStart, int targetEnd) {
    }
}
