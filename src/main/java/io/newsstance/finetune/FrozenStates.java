package io.newsstance.finetune;

import io.newsstance.data.DyadExample;
import io.newsstance.data.StanceExample;
import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.MiniLmEncoder;
import io.newsstance.model.StanceFeaturizer;
import io.newsstance.model.Target;
import io.newsstance.training.ProgressBar;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states the frozen lower layers give each training sequence, computed once by ONNX Runtime before
 * fine-tuning: one sequence per pair ({@link TargetInput#SEGMENT}) or per distinct sentence with all its targets
 * ({@link TargetInput#SENTENCE}), read exactly as {@link StanceFeaturizer} reads them when scoring.
 */
final class FrozenStates {

    /**
     * One encoded sequence ready for the graph: the states entering the first trained layer, and the targets read
     * from it (their wordpieces, labels and indexes among the examples given to {@link #train}).
     */
    record Prepared(float[][] states, int[][] targetPieces, int[] labels, int[] examples) {
        int length() {
            return states.length;
        }

        int targets() {
            return labels.length;
        }
    }

    /**
     * One encoded sentence with its labelled ordered pairs for the dyad objective: each pair's source and target
     * wordpieces and A's stance toward B.
     */
    record DyadSequence(float[][] states, int[][] sources, int[][] targets, int[] labels) {
        int length() {
            return states.length;
        }

        int dyads() {
            return labels.length;
        }
    }

    /** The dyad sentences ready for the graph, and how many pairs were left out (an end past the cut). */
    record DyadSequences(List<DyadSequence> sequences, int skipped) {
    }

    private final TargetInput input;
    private final PrintStream log;

    FrozenStates(TargetInput input, PrintStream log) {
        this.input = input;
        this.log = log;
    }

    /** Runs the frozen layers over each example's input: see {@link TargetInput}. */
    List<Prepared> prepare(MiniLmEncoder lower, List<StanceExample> examples, String what) {
        return input == TargetInput.SEGMENT ? preparePairs(lower, examples, what)
                : prepareSentences(lower, examples, what);
    }

    /**
     * Encodes each distinct dyad sentence once, alone, as scoring reads it, with all its pairs. A pair with an end
     * past the encoder's wordpiece cut is left out (the served head reads those from a window; the objective does
     * not need them) and counted.
     */
    static DyadSequences prepareDyads(MiniLmEncoder lower, List<DyadExample> dyads, PrintStream log) {
        int skipped = 0;
        Map<String, List<Integer>> bySentence = new LinkedHashMap<>();
        for (int i = 0; i < dyads.size(); i++) {
            bySentence.computeIfAbsent(dyads.get(i).sentence(), k -> new ArrayList<>()).add(i);
        }
        List<String> sentences = new ArrayList<>(bySentence.keySet());
        List<DyadSequence> out = new ArrayList<>(sentences.size());
        int chunk = 256;
        ProgressBar bar = new ProgressBar(log, "frozen layers (dyads)", sentences.size());
        for (int from = 0; from < sentences.size(); from += chunk) {
            List<String> part = sentences.subList(from, Math.min(sentences.size(), from + chunk));
            List<EncodedSentence> encoded = lower.encode(part);
            for (int s = 0; s < part.size(); s++) {
                EncodedSentence e = encoded.get(s);
                List<int[]> sources = new ArrayList<>();
                List<int[]> targets = new ArrayList<>();
                List<Integer> labels = new ArrayList<>();
                for (int i : bySentence.get(part.get(s))) {
                    DyadExample d = dyads.get(i);
                    int[] source = e.wordpiecesOf(d.source().start(), d.source().end());
                    int[] target = e.wordpiecesOf(d.target().start(), d.target().end());
                    if (source.length == 0 || target.length == 0) {
                        skipped++;
                        continue;
                    }
                    sources.add(source);
                    targets.add(target);
                    labels.add(d.stance().ordinal());
                }
                if (!labels.isEmpty()) {
                    out.add(new DyadSequence(e.states(), sources.toArray(int[][]::new), targets.toArray(int[][]::new),
                            labels.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
            bar.update(Math.min(sentences.size(), from + chunk), null);
        }
        return new DyadSequences(out, skipped);
    }

    /** Tokenises each example as "sentence [SEP] mention": one sequence per target. */
    private List<Prepared> preparePairs(MiniLmEncoder lower, List<StanceExample> examples, String what) {
        List<Prepared> out = new ArrayList<>(examples.size());
        int chunk = 256;
        ProgressBar bar = new ProgressBar(log, "frozen layers (" + what + ")", examples.size());
        for (int from = 0; from < examples.size(); from += chunk) {
            List<StanceExample> part = examples.subList(from, Math.min(examples.size(), from + chunk));
            List<String> mentions = part.stream().map(StanceExample::mention).toList();
            List<EncodedSentence> encoded = lower.encodePairs(part.stream().map(StanceExample::sentence).toList(),
                    mentions);
            for (int i = 0; i < part.size(); i++) {
                StanceExample ex = part.get(i);
                StanceFeaturizer.TargetInSegment located = StanceFeaturizer.locate(lower,
                        new Target(ex.sentence(), ex.target()), encoded.get(i));
                out.add(new Prepared(located.encoded().states(), new int[][] {located.pieces()},
                        new int[] {ex.stance().ordinal()}, new int[] {from + i}));
            }
            bar.update(Math.min(examples.size(), from + chunk), null);
        }
        return out;
    }

    /**
     * Encodes each distinct sentence once, alone, with all its targets, as scoring does ({@link StanceFeaturizer}).
     * A target past the encoder's wordpiece cut is read from its own window of the sentence, a sequence of its own.
     */
    private List<Prepared> prepareSentences(MiniLmEncoder lower, List<StanceExample> examples, String what) {
        Map<String, List<Integer>> bySentence = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            bySentence.computeIfAbsent(examples.get(i).sentence(), k -> new ArrayList<>()).add(i);
        }
        List<String> sentences = new ArrayList<>(bySentence.keySet());
        List<Prepared> out = new ArrayList<>(sentences.size());
        int chunk = 256;
        ProgressBar bar = new ProgressBar(log, "frozen layers (" + what + ")", sentences.size());
        for (int from = 0; from < sentences.size(); from += chunk) {
            List<String> part = sentences.subList(from, Math.min(sentences.size(), from + chunk));
            List<EncodedSentence> encoded = lower.encode(part);
            for (int s = 0; s < part.size(); s++) {
                EncodedSentence e = encoded.get(s);
                List<int[]> pieces = new ArrayList<>();
                List<Integer> labels = new ArrayList<>();
                List<Integer> indexes = new ArrayList<>();
                for (int i : bySentence.get(part.get(s))) {
                    StanceExample ex = examples.get(i);
                    int[] own = e.wordpiecesOf(ex.target().start(), ex.target().end());
                    if (own.length == 0 && e.truncated()) {
                        StanceFeaturizer.TargetInWindow w = StanceFeaturizer.window(lower,
                                new Target(ex.sentence(), ex.target()));
                        out.add(new Prepared(w.encoded().states(), new int[][] {w.pieces()},
                                new int[] {ex.stance().ordinal()}, new int[] {i}));
                    } else {
                        pieces.add(own);
                        labels.add(ex.stance().ordinal());
                        indexes.add(i);
                    }
                }
                if (!labels.isEmpty()) {
                    out.add(new Prepared(e.states(), pieces.toArray(int[][]::new),
                            labels.stream().mapToInt(Integer::intValue).toArray(),
                            indexes.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
            bar.update(Math.min(sentences.size(), from + chunk), null);
        }
        return out;
    }

}
