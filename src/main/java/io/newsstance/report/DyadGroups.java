package io.newsstance.report;

import io.newsstance.io.Decimals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The dyad view from {@link ReportDyads}' per-article sums: each article's cell of a pair is added to the pair's
 * {@link ClusterSums} overall, on its day, in its week and in the (pair, day) cell the page re-weights under a
 * date filter; then the pairs are ordered, the most frequent {@link ReportDyads#PAIRS_KEPT} kept, with their
 * evidence.
 */
final class DyadGroups {

    private final ReportDyads dyads;
    private final Function<String, String> names;
    private final Function<String, String> urls;
    private final Map<ReportDyads.Pair, ClusterSums> overall = new HashMap<>();
    private final Map<ReportDyads.Pair, TreeMap<LocalDate, ClusterSums>> daily = new HashMap<>();
    private final Map<ReportDyads.Pair, TreeMap<LocalDate, ClusterSums>> weekly = new HashMap<>();
    private final Map<ReportDyads.Pair, Map<LocalDate, ClusterSums>> cells = new HashMap<>();
    private final TreeSet<LocalDate> days = new TreeSet<>();
    private long total;
    private long undated;
    private long fromSummaries;
    private long articles;

    DyadGroups(ReportDyads dyads, Function<String, String> names, Function<String, String> urls) {
        this.dyads = dyads;
        this.names = names;
        this.urls = urls;
        dyads.articles.forEach((id, a) -> add(a));
    }

    private void add(ReportDyads.ArticleDyads a) {
        Map<ReportDyads.Pair, StanceCell> pairs = a.cells();
        if (pairs.isEmpty()) {
            return;
        }
        articles++;
        if (a.fromRows.isEmpty()) {
            fromSummaries++;
            a.summaryEvidence.forEach((pair, ev) -> {
                for (ReportDyads.Ev e : ev) {
                    dyads.offer(pair, e);
                }
            });
        }
        LocalDate day = ReportAggregator.day(a.date);
        if (day != null) {
            days.add(day);
        }
        pairs.forEach((pair, c) -> {
            total += c.n;
            c.addTo(overall.computeIfAbsent(pair, k -> new ClusterSums()));
            // undated: the cell under a null key (a HashMap takes one)
            c.addTo(cells.computeIfAbsent(pair, k -> new HashMap<>()).computeIfAbsent(day, k -> new ClusterSums()));
            if (day == null) {
                undated += c.n;
            } else {
                c.addTo(daily.computeIfAbsent(pair, k -> new TreeMap<>()).computeIfAbsent(day, k -> new ClusterSums()));
                c.addTo(weekly.computeIfAbsent(pair, k -> new TreeMap<>()).computeIfAbsent(
                        day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new ClusterSums()));
            }
        });
    }

    DyadView view() {
        List<ReportDyads.Pair> order = new ArrayList<>(overall.keySet());
        order.sort(Comparator.comparingLong((ReportDyads.Pair p) -> overall.get(p).mentions()).reversed()
                .thenComparing(ReportDyads.Pair::source).thenComparing(ReportDyads.Pair::target));
        List<ReportDyads.Pair> kept = order.subList(0, Math.min(order.size(), ReportDyads.PAIRS_KEPT));
        List<String> dayList = days.stream().map(LocalDate::toString).toList();
        Map<LocalDate, Integer> dayIndex = new HashMap<>();
        days.forEach(d -> dayIndex.put(d, dayIndex.size()));
        Map<String, Long> byActor = new LinkedHashMap<>();
        List<DyadView.Pair> pairs = new ArrayList<>();
        List<Number[]> cellOut = new ArrayList<>();
        for (ReportDyads.Pair p : kept) {
            ClusterSums s = overall.get(p);
            byActor.merge(p.source(), s.mentions(), Long::sum);
            byActor.merge(p.target(), s.mentions(), Long::sum);
            EvidenceHeap<ReportDyads.Ev>[] sides = dyads.evidence.get(p);
            pairs.add(new DyadView.Pair(p.source(), names.apply(p.source()), p.target(), names.apply(p.target()),
                    s.stat(), pairs.size() < ReportDyads.DAILY_PAIRS ? points(daily.get(p)) : null,
                    points(weekly.get(p)), shown(sides[0]), shown(sides[1])));
            int index = pairs.size() - 1;
            cells.get(p).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())))
                    .forEach(e -> {
                        ReportData.Stat st = e.getValue().stat();
                        cellOut.add(new Number[]{index, e.getKey() == null ? -1 : dayIndex.get(e.getKey()),
                                st.mentions(), st.articles(), Decimals.round(e.getValue().sum()), st.negative(),
                                st.neutral(), st.positive()});
                    });
        }
        List<DyadView.ActorRef> actors = new ArrayList<>();
        byActor.forEach((a, n) -> actors.add(new DyadView.ActorRef(a, names.apply(a), n)));
        actors.sort(Comparator.comparingLong(DyadView.ActorRef::dyads).reversed()
                .thenComparing(DyadView.ActorRef::actor));
        DyadView.Totals totals = new DyadView.Totals(total, overall.size(), articles, undated, fromSummaries,
                dayList.isEmpty() ? null : dayList.get(0), dayList.isEmpty() ? null : dayList.get(dayList.size() - 1));
        return new DyadView(totals, actors, dayList, pairs, cellOut, order.size() - kept.size());
    }

    private List<DyadView.Evidence> shown(EvidenceHeap<ReportDyads.Ev> heap) {
        return heap.sorted(ReportDyads.Ev::withSpansOf).stream()
                .map(e -> ReportDyads.shown(e, urls.apply(e.articleId()))).toList();
    }

    private static List<ReportData.Point> points(TreeMap<LocalDate, ClusterSums> byDay) {
        List<ReportData.Point> out = new ArrayList<>();
        if (byDay != null) {
            byDay.forEach((d, s) -> out.add(new ReportData.Point(d.toString(), s.stat())));
        }
        return out;
    }
}
