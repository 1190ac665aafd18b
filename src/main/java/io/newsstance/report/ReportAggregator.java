package io.newsstance.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams {@link ScoreRecord}s into the report's aggregates. Mentions are first summed per article and actor (rows
 * of one article may come in any order and from several files, as Spark writes them), then each article's sums are
 * added to its actor's groups: overall, its day, its week, its source. Memory grows with articles × actors, not
 * with rows' text: sentences are kept only as bounded evidence ({@link EvidenceHeap}).
 *
 * <p>An article's mentions come from its mention or sentence rows when there are any; only an article known from
 * an article row alone contributes that row's per-actor summary (mentions and mean, so the same sums), so giving
 * {@code report} the three levels of one run does not count a mention twice. The same mention read from a mention
 * and a sentence file (same article, sentence, start and actor) is counted once.
 */
public final class ReportAggregator implements Consumer<ScoreRecord> {

    /** Evidence kept per actor and side; the page shows the first few inside the date filter. */
    static final int EVIDENCE_KEPT = 20;

    private static final class ArticleState {
        final String date;
        final String source;
        String url = "";
        final Map<String, StanceCell> fromMentions = new HashMap<>();
        final Map<String, StanceCell> fromSummary = new HashMap<>();
        final Set<String> seen = new HashSet<>();

        ArticleState(String date, String source) {
            this.date = date;
            this.source = source;
        }
    }

    private final Function<String, String> names;
    private final Map<String, String> namesRead = new HashMap<>();
    private final Map<String, ArticleState> articles = new LinkedHashMap<>();
    private final Map<String, EvidenceHeap<ReportData.Evidence>[]> evidence = new HashMap<>();
    private final ReportDyads dyads = new ReportDyads();
    private long records;

    /** {@code names}: an actor id's display name when no article row gave one (the actor dictionary). */
    public ReportAggregator(Function<String, String> names) {
        this.names = names;
    }

    @Override
    public void accept(ScoreRecord r) {
        records++;
        if (r instanceof ScoreRecord.Sentence s) {
            sentence(s);
        } else if (r instanceof ScoreRecord.Article a) {
            article(a);
        }
        dyads.accept(r);
    }

    private ArticleState state(String id, String date, String source) {
        return articles.computeIfAbsent(id, k -> new ArticleState(date, source));
    }

    private void sentence(ScoreRecord.Sentence s) {
        ArticleState a = state(s.articleId(), s.date(), s.source());
        for (int i = 0; i < s.mentions().size(); i++) {
            ScoreRecord.Mention m = s.mentions().get(i);
            String key = s.sentenceIndex() + ":" + (m.start() >= 0 ? m.start() : "#" + i) + ":" + m.actor();
            if (a.seen.add(key)) {
                a.fromMentions.computeIfAbsent(m.actor(), k -> new StanceCell()).add(m.stance(), m.score());
            }
            int from = -1;
            int to = -1;
            if (s.text() != null && m.start() >= 0) {
                from = m.start() - s.sentenceStart();
                to = m.end() - s.sentenceStart();
                if (from < 0 || to > s.text().length() || from >= to) {
                    from = -1;   // offsets that do not fall in the sentence: show it unhighlighted
                    to = -1;
                }
            }
            ReportData.Evidence e = new ReportData.Evidence(s.articleId(), s.sentenceIndex(), a.date, a.source, "",
                    m.score(), m.stance(), m.text(), s.text(), from, to);
            EvidenceHeap<ReportData.Evidence>[] sides = evidence.computeIfAbsent(m.actor(),
                    k -> EvidenceHeap.sides(EVIDENCE_KEPT));
            sides[0].offer(e);
            sides[1].offer(e);
        }
    }

    private void article(ScoreRecord.Article r) {
        ArticleState a = state(r.id(), r.date(), r.source());
        if (a.url.isEmpty()) {
            a.url = r.url();
        }
        for (ScoreRecord.ActorSummary s : r.actors()) {
            if (!s.name().isEmpty()) {
                namesRead.putIfAbsent(s.actor(), s.name());
            }
            a.fromSummary.put(s.actor(), StanceCell.of(s.mentions(), s.meanScore(), s.negative(), s.neutral(),
                    s.positive()));
        }
        for (ScoreRecord.DyadSummary d : r.dyads()) {
            if (!d.sourceName().isEmpty()) {
                namesRead.putIfAbsent(d.sourceActor(), d.sourceName());
            }
            if (!d.targetName().isEmpty()) {
                namesRead.putIfAbsent(d.targetActor(), d.targetName());
            }
        }
    }

    /** The day of a date field ({@code 2025-03-14}, or a timestamp that starts with one), or null. */
    static LocalDate day(String date) {
        if (date == null || date.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(date.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The aggregates of everything accepted so far. */
    public ReportData result(String title, String generated, List<ScoreFiles.Input> inputs) {
        Map<String, ClusterSums> overall = new HashMap<>();
        Map<String, TreeMap<LocalDate, ClusterSums>> daily = new HashMap<>();
        Map<String, TreeMap<LocalDate, ClusterSums>> weekly = new HashMap<>();
        Map<String, Map<String, ClusterSums>> bySource = new HashMap<>();
        Map<List<Object>, ClusterSums> cells = new LinkedHashMap<>();
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        long mentions = 0;
        long undatedMentions = 0;
        long undatedArticles = 0;
        for (Map.Entry<String, ArticleState> entry : articles.entrySet()) {
            ArticleState a = entry.getValue();
            Map<String, StanceCell> actors = a.fromMentions.isEmpty() ? a.fromSummary : a.fromMentions;
            LocalDate day = day(a.date);
            sources.add(a.source);
            if (day == null) {
                undatedArticles++;
            } else {
                days.add(day);
            }
            for (Map.Entry<String, StanceCell> ac : actors.entrySet()) {
                String actor = ac.getKey();
                StanceCell c = ac.getValue();
                mentions += c.n;
                List<ClusterSums> groups = new ArrayList<>(List.of(
                        overall.computeIfAbsent(actor, k -> new ClusterSums()),
                        bySource.computeIfAbsent(actor, k -> new HashMap<>()).computeIfAbsent(a.source,
                                k -> new ClusterSums()),
                        cells.computeIfAbsent(List.of(actor, a.source, day == null ? "" : day.toString()),
                                k -> new ClusterSums())));
                if (day == null) {
                    undatedMentions += c.n;
                } else {
                    groups.add(daily.computeIfAbsent(actor, k -> new TreeMap<>()).computeIfAbsent(day,
                            k -> new ClusterSums()));
                    groups.add(weekly.computeIfAbsent(actor, k -> new TreeMap<>()).computeIfAbsent(
                            day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new ClusterSums()));
                }
                groups.forEach(g -> g.add(c.n, c.sum, c.neg, c.neu, c.pos));
            }
        }
        List<ReportData.ActorRow> actorRows = new ArrayList<>();
        overall.forEach((actor, s) -> actorRows.add(new ReportData.ActorRow(actor, name(actor), s.stat())));
        actorRows.sort(Comparator.comparingLong((ReportData.ActorRow r) -> r.stat().mentions()).reversed()
                .thenComparing(ReportData.ActorRow::actor));
        List<String> actorOrder = actorRows.stream().map(ReportData.ActorRow::actor).toList();
        List<String> sourceList = List.copyOf(sources);
        List<String> dayList = days.stream().map(LocalDate::toString).toList();
        Map<String, List<ReportData.Point>> dailyOut = new LinkedHashMap<>();
        Map<String, List<ReportData.Point>> weeklyOut = new LinkedHashMap<>();
        List<ReportData.SourceCell> sourceOut = new ArrayList<>();
        Map<String, ReportData.EvidenceSet> evidenceOut = new LinkedHashMap<>();
        for (String actor : actorOrder) {
            dailyOut.put(actor, points(daily.get(actor)));
            weeklyOut.put(actor, points(weekly.get(actor)));
            bySource.get(actor).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sourceOut.add(new ReportData.SourceCell(actor, e.getKey(), e.getValue().stat())));
            EvidenceHeap<ReportData.Evidence>[] sides = evidence.get(actor);
            evidenceOut.put(actor, sides == null ? new ReportData.EvidenceSet(List.of(), List.of())
                    : new ReportData.EvidenceSet(withUrls(sides[0].sorted()), withUrls(sides[1].sorted())));
        }
        Map<String, Integer> actorIndex = indexes(actorOrder);
        Map<String, Integer> sourceIndex = indexes(sourceList);
        Map<String, Integer> dayIndex = indexes(dayList);
        List<double[]> cellOut = new ArrayList<>();
        cells.forEach((k, s) -> cellOut.add(new double[]{actorIndex.get((String) k.get(0)),
                sourceIndex.get((String) k.get(1)), k.get(2).equals("") ? -1 : dayIndex.get((String) k.get(2)),
                s.mentions(), s.articles(), io.newsstance.io.Decimals.round(s.sum())}));
        ReportData.Totals totals = new ReportData.Totals(records, articles.size(), mentions, actorRows.size(),
                sourceList.size(), undatedMentions, undatedArticles, dayList.isEmpty() ? null : dayList.get(0),
                dayList.isEmpty() ? null : dayList.get(dayList.size() - 1));
        return new ReportData(title, generated, inputs, totals, actorRows, sourceList, dayList, dailyOut, weeklyOut,
                sourceOut, cellOut, evidenceOut, dyads.result(this::name, this::url));
    }

    private static Map<String, Integer> indexes(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), i);
        }
        return m;
    }

    private String name(String actor) {
        String n = namesRead.get(actor);
        return n != null ? n : names.apply(actor);
    }

    private static List<ReportData.Point> points(TreeMap<LocalDate, ClusterSums> byDay) {
        List<ReportData.Point> out = new ArrayList<>();
        if (byDay != null) {
            byDay.forEach((d, s) -> out.add(new ReportData.Point(d.toString(), s.stat())));
        }
        return out;
    }

    /** The URL of an article known from an article row, else "". */
    private String url(String articleId) {
        ArticleState a = articles.get(articleId);
        return a == null ? "" : a.url;
    }

    /** Evidence with its article's URL (known once an article row was read, from any file). */
    private List<ReportData.Evidence> withUrls(List<ReportData.Evidence> list) {
        return list.stream().map(e -> new ReportData.Evidence(e.articleId(), e.sentenceIndex(), e.date(), e.source(),
                articles.get(e.articleId()).url, e.score(), e.stance(), e.mention(), e.sentence(), e.highlightStart(),
                e.highlightEnd())).toList();
    }
}
