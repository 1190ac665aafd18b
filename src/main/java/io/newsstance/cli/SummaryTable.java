package io.newsstance.cli;

import io.newsstance.api.ActorSummary;
import io.newsstance.api.DyadSummary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** {@code score --format table}: the corpus's actor summaries and dyad table, for a person at a terminal. */
final class SummaryTable {

    private SummaryTable() {
    }

    /** The actor table, then (when there are dyads) the dyad table, for {@code articles} articles. */
    static void print(List<ActorSummary> actors, List<DyadSummary> dyads, long articles, Writer w, boolean wide)
            throws IOException {
        PrintWriter out = new PrintWriter(w);
        actors(actors, articles, out, wide);
        if (!dyads.isEmpty()) {
            dyads(dyads, out, wide);
        }
        out.flush();
    }

    private static void actors(List<ActorSummary> actors, long articles, PrintWriter out, boolean wide) {
        out.printf(Locale.ROOT, "%s, %s%n%n", plural(articles, "article"), plural(actors.size(), "actor"));
        out.printf(Locale.ROOT, "%-13s %-22s %8s %8s %5s %5s %5s %7s  %-16s  %s%n", "actor", "name", "mentions",
                "articles", "neg", "neu", "pos", "score", "95% interval", "score bar (-1 … +1)");
        for (ActorSummary a : actors) {
            String interval = a.hasInterval()
                    ? String.format(Locale.ROOT, "[%+.2f, %+.2f]", a.ciLow(), a.ciHigh()) : "—";
            out.printf(Locale.ROOT, "%-13s %-22s %8d %8d %5d %5d %5d %+7.3f  %-16s  %s%n", a.actor(),
                    abbreviate(a.name(), 22), a.mentions(), a.articles(), a.negative(), a.neutral(), a.positive(),
                    a.meanScore(), interval, bar(a.meanScore()));
        }
        if (actors.stream().anyMatch(a -> !a.hasInterval())) {
            out.printf(Locale.ROOT, "(— : fewer than %d articles, too few for an interval)%n",
                    ActorSummary.MIN_ARTICLES_FOR_INTERVAL);
        }
        List<ActorSummary> top = actors.stream().limit(5).toList();
        if (!top.isEmpty()) {
            out.printf("%nevidence (the most negative and the most positive sentence per actor%s):%n",
                    wide ? "" : "; --wide for whole sentences");
            for (ActorSummary a : top) {
                out.printf(Locale.ROOT, "  %-13s most negative  %+.2f  %s%n", a.actor(), a.mostNegative().score(),
                        evidence(a.mostNegative().sentence(), wide));
                out.printf(Locale.ROOT, "  %-13s most positive  %+.2f  %s%n", a.actor(), a.mostPositive().score(),
                        evidence(a.mostPositive().sentence(), wide));
            }
        }
    }

    /**
     * How each actor treats each other (A→B), most frequent pairs first: the same columns as the actor table, and
     * the most negative and most positive sentence of the ten most frequent pairs.
     */
    private static void dyads(List<DyadSummary> dyads, PrintWriter out, boolean wide) {
        out.printf(Locale.ROOT, "%ndyads: how A treats B (%s)%n%n", plural(dyads.size(), "ordered pair"));
        out.printf(Locale.ROOT, "%-29s %9s %8s %5s %5s %5s %7s  %-16s  %s%n", "A -> B", "sentences", "articles", "neg",
                "neu", "pos", "score", "95% interval", "score bar (-1 … +1)");
        for (DyadSummary d : dyads) {
            String interval = d.hasInterval()
                    ? String.format(Locale.ROOT, "[%+.2f, %+.2f]", d.ciLow(), d.ciHigh()) : "—";
            out.printf(Locale.ROOT, "%-29s %9d %8d %5d %5d %5d %+7.3f  %-16s  %s%n",
                    abbreviate(d.source() + " -> " + d.target(), 29), d.mentions(), d.articles(), d.negative(),
                    d.neutral(), d.positive(), d.meanScore(), interval, bar(d.meanScore()));
        }
        List<DyadSummary> top = dyads.stream().limit(10).toList();
        out.printf("%nevidence (the most negative and the most positive sentence per pair%s):%n",
                wide ? "" : "; --wide for whole sentences");
        for (DyadSummary d : top) {
            String pair = abbreviate(d.source() + " -> " + d.target(), 29);
            out.printf(Locale.ROOT, "  %-29s most negative  %+.2f  %s%n", pair, d.mostNegative().score(),
                    evidence(d.mostNegative().sentence(), wide));
            out.printf(Locale.ROOT, "  %-29s most positive  %+.2f  %s%n", pair, d.mostPositive().score(),
                    evidence(d.mostPositive().sentence(), wide));
        }
    }

    private static String evidence(String sentence, boolean wide) {
        String flat = sentence.replaceAll("\\s+", " ");
        return wide ? flat : abbreviate(flat, 90);
    }

    static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Ten characters for the score's size: "-----" for -0.5, "+++" for +0.3, "·" for about 0. */
    private static String bar(double score) {
        int n = (int) Math.round(Math.abs(score) * 10);
        return n == 0 ? "·" : score < 0 ? "-".repeat(n) : "+".repeat(n);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
