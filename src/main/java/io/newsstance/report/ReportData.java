package io.newsstance.report;

import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, computed in Java: the only data the HTML file embeds (as JSON, snake_case field
 * names). Means and intervals are computed here, never in the page, so there is one interval rule
 * ({@link io.newsstance.scoring.ActorAggregator#interval}); the page only re-weights {@link #cells} (mention sums
 * per actor, source and day) into plain means when the date filter narrows the source comparison.
 *
 * @param title       the report's heading
 * @param generated   when it was made (ISO-8601)
 * @param inputs      the files read, with format, level and record count
 * @param totals      counts over everything read
 * @param actors      one row per actor over all dates, most mentioned first
 * @param sources     source names in {@link #cells} order ("" is shown as "(no source)")
 * @param days        dated days in {@link #cells} order, ascending
 * @param daily       per actor: one point per day with mentions
 * @param weekly      per actor: one point per ISO week (dated by its Monday)
 * @param actorSource per actor and source, over all dates (undated rows included)
 * @param cells       {@code [actor index, source index, day index or -1 when undated, mentions, articles, score sum]}
 * @param evidence    per actor: the most negative and the most positive mentions with their sentences
 * @param dyads       how one actor treats another (A→B), from dyad, sentence, Spark {@code dyads/} or article rows
 */
public record ReportData(String title, String generated, List<ScoreFiles.Input> inputs, Totals totals,
                         List<ActorRow> actors, List<String> sources, List<String> days,
                         Map<String, List<Point>> daily, Map<String, List<Point>> weekly, List<SourceCell> actorSource,
                         List<double[]> cells, Map<String, EvidenceSet> evidence, DyadView dyads) {

    /**
     * Counts over all inputs. {@code undatedMentions}/{@code undatedArticles}: rows whose date is blank or not
     * {@code YYYY-MM-DD…}; they are in the actor and source tables but on no time chart.
     */
    public record Totals(long records, long articles, long mentions, int actors, int sources, long undatedMentions,
                         long undatedArticles, String firstDate, String lastDate) {
    }

    /**
     * Mentions, articles, stance counts and the mean score with its 95% interval over articles (null with fewer
     * than 3 articles).
     */
    public record Stat(long mentions, int articles, long negative, long neutral, long positive, double mean,
                       Double ciLow, Double ciHigh) {
    }

    /** An actor over all dates. */
    public record ActorRow(String actor, String name, Stat stat) {
    }

    /** One day or week of one actor. */
    public record Point(String date, Stat stat) {
    }

    /** One actor in one source, all dates. */
    public record SourceCell(String actor, String source, Stat stat) {
    }

    /**
     * A mention shown as evidence. {@code sentence} is null when the input had no sentence text (mention rows);
     * {@code highlightStart}/{@code highlightEnd} are offsets into {@code sentence}, end-exclusive, or -1 when the
     * mention's position is unknown (CSV sentence rows).
     */
    public record Evidence(String articleId, int sentenceIndex, String date, String source, String url,
                           double score, String stance, String mention, String sentence, int highlightStart,
                           int highlightEnd) implements EvidenceHeap.Item {
    }

    /** The most negative and the most positive evidence of one actor, most extreme first. */
    public record EvidenceSet(List<Evidence> negative, List<Evidence> positive) {
    }
}
