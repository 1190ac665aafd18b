package io.newsstance.bench;

import io.newsstance.io.Decimals;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Everything one {@link Bench} run measured, as JSON and as text. */
public record BenchReport(Machine machine, Bench.Options options, String model, Throughput scoring,
                     double vaderMedianPassSeconds, Latency shortArticle, Latency longArticle,
                     Optional<Training> training, Map<String, HeapMeter.Usage> heap, Optional<LoadTime> load,
                     Optional<Compared> comparison, double totalSeconds) {

    /**
     * Model load + one short article scored: {@code firstSeconds} the first in the JVM (with ND4J's and ONNX
     * Runtime's own start-up: what a one-sentence {@code score} pays on top of starting Java), {@code
     * againMedianSeconds} the median of {@code again} later loads.
     */
    public record LoadTime(double firstSeconds, double againMedianSeconds, int again) {
    }

    /** A second model's throughput, measured pass for pass alternating with the first. */
    public record Compared(String name, String model, Throughput scoring, LoadTime load) {
    }

    /** How many times the benchmarked model's sentences/s the comparison's is (above 1: the first is faster). */
    public Optional<Double> speedupOverComparison() {
        return comparison.map(c -> c.scoring().medianPassSeconds() / scoring.medianPassSeconds());
    }


    /** Scoring throughput over the sample articles: one pass = every article once. */
    public record Throughput(int articles, int sentences, int mentions, double medianPassSeconds,
                             double medianPassCpuSeconds) {
        public double sentencesPerSecond() {
            return sentences / medianPassSeconds;
        }

        public double mentionsPerSecond() {
            return mentions / medianPassSeconds;
        }

        public double articlesPerSecond() {
            return articles / medianPassSeconds;
        }

        /** Process CPU time per sentence: steadier than wall time on a shared machine. */
        public double cpuMillisPerSentence() {
            return medianPassCpuSeconds * 1000 / sentences;
        }
    }

    /**
     * Latency of {@code score(article)} for articles of about {@code sentences} sentences, one caller; with the
     * process CPU time per article (a mean: the JVM counts CPU time in 10 ms steps).
     */
    public record Latency(double sentences, int samples, double p50Seconds, double p95Seconds,
                          double meanCpuSeconds) {
    }

    /** Time per epoch of the stance head on cached features. */
    public record Training(int examples, int featureDimension, String features, int epochsTimed,
                           double medianEpochSeconds, double featureSeconds) {
    }

    public double vaderSentencesPerSecond() {
        return scoring.sentences() / vaderMedianPassSeconds;
    }

    /** How many times faster VADER scores the same sentences than newsstance. */
    public double vaderSpeedup() {
        return scoring.medianPassSeconds() / vaderMedianPassSeconds;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("machine", machine.toJson());
        m.put("model", model);
        m.put("warmup", options.warmup());
        m.put("iterations", options.iterations());
        m.put("threads", options.threads());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("articles", scoring.articles());
        s.put("sentences", scoring.sentences());
        s.put("mentions", scoring.mentions());
        s.put("median_pass_s", Decimals.round(scoring.medianPassSeconds(), 4));
        s.put("sentences_per_s", Decimals.round(scoring.sentencesPerSecond(), 2));
        s.put("mentions_per_s", Decimals.round(scoring.mentionsPerSecond(), 2));
        s.put("articles_per_s", Decimals.round(scoring.articlesPerSecond(), 3));
        s.put("median_pass_cpu_s", Decimals.round(scoring.medianPassCpuSeconds(), 3));
        s.put("cpu_ms_per_sentence", Decimals.round(scoring.cpuMillisPerSentence(), 2));
        m.put("scoring", s);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("median_pass_s", Decimals.round(vaderMedianPassSeconds, 4));
        v.put("sentences_per_s", Decimals.round(vaderSentencesPerSecond(), 1));
        v.put("speedup_over_newsstance", Decimals.round(vaderSpeedup(), 1));
        m.put("vader", v);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("short", latencyJson(shortArticle));
        latency.put("long", latencyJson(longArticle));
        m.put("latency", latency);
        training.ifPresent(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("examples", t.examples());
            x.put("features", t.features());
            x.put("feature_dimension", t.featureDimension());
            x.put("epochs_timed", t.epochsTimed());
            x.put("median_epoch_s", Decimals.round(t.medianEpochSeconds(), 4));
            x.put("feature_s", Decimals.round(t.featureSeconds(), 2));
            m.put("training", x);
        });
        load.ifPresent(l -> m.put("load", loadJson(l)));
        comparison.ifPresent(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", c.name());
            x.put("model", c.model());
            x.put("median_pass_s", Decimals.round(c.scoring().medianPassSeconds(), 4));
            x.put("sentences_per_s", Decimals.round(c.scoring().sentencesPerSecond(), 2));
            x.put("mentions_per_s", Decimals.round(c.scoring().mentionsPerSecond(), 2));
            x.put("cpu_ms_per_sentence", Decimals.round(c.scoring().cpuMillisPerSentence(), 2));
            x.put("speedup", Decimals.round(speedupOverComparison().orElseThrow(), 2));
            if (c.load() != null) {
                x.put("load", loadJson(c.load()));
            }
            m.put("comparison", x);
        });
        Map<String, Object> h = new LinkedHashMap<>();
        heap.forEach((phase, u) -> h.put(phase, u.toJson()));
        m.put("heap", h);
        m.put("total_s", Decimals.round(totalSeconds, 1));
        return m;
    }

    private static Map<String, Object> loadJson(LoadTime l) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("first_s", Decimals.round(l.firstSeconds(), 3));
        x.put("again_median_s", Decimals.round(l.againMedianSeconds(), 3));
        x.put("again", l.again());
        return x;
    }

    private static Map<String, Object> latencyJson(Latency l) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("sentences", Decimals.round(l.sentences(), 1));
        x.put("samples", l.samples());
        x.put("p50_ms", Decimals.round(l.p50Seconds() * 1000, 1));
        x.put("p95_ms", Decimals.round(l.p95Seconds() * 1000, 1));
        x.put("cpu_ms", Decimals.round(l.meanCpuSeconds() * 1000, 1));
        return x;
    }

    /** The figures as a short human-readable report. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "newsstance bench: %s, %d scoring threads, %d warm-up + %d measured "
                + "runs (medians)%n", model, options.threads(), options.warmup(), options.iterations()));
        b.append("machine: ").append(machine).append(System.lineSeparator()).append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "scoring %d sample articles (%d sentences, %d mentions)%n",
                scoring.articles(), scoring.sentences(), scoring.mentions()));
        b.append(String.format(Locale.ROOT, "  newsstance  %9.1f sentences/s  %9.1f mentions/s  %7.2f articles/s"
                        + "  (%.2f s per pass, %.1f ms CPU per sentence)%n", scoring.sentencesPerSecond(),
                scoring.mentionsPerSecond(), scoring.articlesPerSecond(), scoring.medianPassSeconds(),
                scoring.cpuMillisPerSentence()));
        b.append(String.format(Locale.ROOT, "  VADER       %9.1f sentences/s  (same sentences and threads: %.0fx "
                + "faster than newsstance)%n", vaderSentencesPerSecond(), vaderSpeedup()));
        comparison.ifPresent(c -> b.append(String.format(Locale.ROOT, "  %-11s %9.1f sentences/s  %9.1f mentions/s"
                        + "  (%.2f s per pass, %.1f ms CPU per sentence; %s)%n  newsstance is %.2fx %s's speed "
                        + "in the same run%n", c.name(), c.scoring().sentencesPerSecond(),
                c.scoring().mentionsPerSecond(), c.scoring().medianPassSeconds(), c.scoring().cpuMillisPerSentence(),
                c.model(), speedupOverComparison().orElseThrow(), c.name())));
        load.ifPresent(l -> b.append(String.format(Locale.ROOT, "%nmodel load + one short article: %.2f s the "
                + "first in this JVM, %.2f s later (median of %d)%n", l.firstSeconds(), l.againMedianSeconds(),
                l.again())));
        comparison.filter(c -> c.load() != null).ifPresent(c -> b.append(String.format(Locale.ROOT,
                "  %s: %.2f s first, %.2f s later%n", c.name(), c.load().firstSeconds(), c.load().againMedianSeconds())));
        b.append(String.format(Locale.ROOT, "%narticle latency (one caller)%n"));
        b.append(latencyLine("short", shortArticle));
        b.append(latencyLine("long", longArticle));
        training.ifPresent(t -> b.append(String.format(Locale.ROOT, "%ntraining the stance head: %.3f s per epoch "
                        + "(median of %d; %d examples, %s, %d dims; features %.1f s)%n", t.medianEpochSeconds(),
                t.epochsTimed(), t.examples(), t.features(), t.featureDimension(), t.featureSeconds())));
        b.append(String.format(Locale.ROOT, "%nheap%n"));
        heap.forEach((phase, u) -> b.append(String.format(Locale.ROOT,
                "  %-9s peak %5d MB  %4d GCs  %6d ms in GC%n", phase, u.peakHeapMb(), u.gcCount(), u.gcMillis())));
        b.append(String.format(Locale.ROOT, "%ntotal %.1f s%n", totalSeconds));
        return b.toString();
    }

    private static String latencyLine(String name, Latency l) {
        return String.format(Locale.ROOT, "  %-5s (%4.1f sentences)  p50 %8.1f ms  p95 %8.1f ms  CPU %7.1f ms  "
                        + "(%d samples)%n", name, l.sentences(), l.p50Seconds() * 1000, l.p95Seconds() * 1000,
                l.meanCpuSeconds() * 1000, l.samples());
    }
}
