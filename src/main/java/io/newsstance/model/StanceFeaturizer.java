package io.newsstance.model;

import io.newsstance.api.Span;
import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.TokenEncoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns (sentence, target) pairs into fixed-size feature vectors from a {@link TokenEncoder}'s token states
 * (see {@link FeatureSettings}), and sentences into sentence vectors for the sentiment head. Each sentence is
 * encoded once however many targets it has. A target past the encoder's 128-wordpiece cut is encoded again in
 * a window of the sentence around it, so long sentences lose no targets. Thread-safe if the encoder is.
 */
public final class StanceFeaturizer {

    /** Characters kept on each side of a target when a long sentence has to be re-encoded around it. */
    static final int WINDOW_CHARS = 200;

    private final TokenEncoder encoder;
    private final FeatureSettings settings;

    public StanceFeaturizer(TokenEncoder encoder, FeatureSettings settings) {
        this.encoder = encoder;
        this.settings = settings;
    }

    public FeatureSettings settings() {
        return settings;
    }

    public TokenEncoder encoder() {
        return encoder;
    }

    public int dimension() {
        return settings.parts() * encoder.dimension();
    }

    /** Sentence features for the sentiment head: mean of the wordpieces and the [CLS] state. */
    public int sentenceDimension() {
        return 2 * encoder.dimension();
    }

    public float[][] features(List<Target> targets) {
        if (settings.targetSegment()) {
            return segmentFeatures(targets);
        }
        return features(encode(targets.stream().map(Target::sentence).toList()), targets);
    }

    /** Features of targets whose sentences are all in {@code encoded} (see {@link #encode}). */
    public float[][] features(Map<String, EncodedSentence> encoded, List<Target> targets) {
        if (settings.targetSegment()) {
            return segmentFeatures(targets);
        }
        float[][] out = new float[targets.size()][];
        List<Integer> pastCut = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            EncodedSentence e = encoded.get(t.sentence());
            int[] pieces = e.wordpiecesOf(t.span().start(), t.span().end());
            if (pieces.length == 0 && e.truncated()) {
                pastCut.add(i);
            } else {
                out[i] = vector(e, pieces, e);
            }
        }
        for (int i : pastCut) {
            Target t = targets.get(i);
            TargetInWindow w = window(encoder, t);
            out[i] = vector(w.encoded(), w.pieces(), encoded.get(t.sentence()));
        }
        if (settings.pair()) {
            addPairParts(targets, out);
        }
        return out;
    }

    /**
     * Features from one pass per target over "sentence [SEP] mention" (the sentence's own encoding is not used).
     * A target cut off by truncation is read from a window of the sentence around it, encoded the same way.
     */
    private float[][] segmentFeatures(List<Target> targets) {
        List<String> mentions = targets.stream().map(t -> t.span().of(t.sentence())).toList();
        List<EncodedSentence> encoded = encoder.encodePairs(targets.stream().map(Target::sentence).toList(), mentions);
        float[][] out = new float[targets.size()][];
        for (int i = 0; i < targets.size(); i++) {
            TargetInSegment located = locate(encoder, targets.get(i), encoded.get(i));
            out[i] = vector(located.encoded(), located.pieces(), located.encoded());
        }
        return out;
    }

    /** A window of a long sentence around a target, encoded alone, and the target's wordpieces in it. */
    public record TargetInWindow(EncodedSentence encoded, int[] pieces) {
    }

    /**
     * Encodes the sentence's characters within {@link #WINDOW_CHARS} of {@code target} alone: how a target past
     * the encoder's wordpiece cut is read. Fine-tuning on sentences reads such targets with this too.
     */
    public static TargetInWindow window(TokenEncoder encoder, Target target) {
        Span span = target.span();
        int from = Math.max(0, span.start() - WINDOW_CHARS);
        int to = Math.min(target.sentence().length(), span.end() + WINDOW_CHARS);
        EncodedSentence window = encoder.encode(List.of(target.sentence().substring(from, to))).get(0);
        return new TargetInWindow(window, window.wordpiecesOf(span.start() - from, span.end() - from));
    }

    /** A target's "sentence [SEP] mention" encoding and the wordpieces of the target in it. */
    public record TargetInSegment(EncodedSentence encoded, int[] pieces) {
    }

    /**
     * Finds {@code target}'s wordpieces in {@code encoded}, its "sentence [SEP] mention" encoding by {@code
     * encoder}; a target cut off by truncation is found in a window of the sentence around it, encoded the same
     * way. Fine-tuning reads its training examples with this too, so that training and scoring agree.
     */
    public static TargetInSegment locate(TokenEncoder encoder, Target target, EncodedSentence encoded) {
        Span span = target.span();
        int[] pieces = encoded.wordpiecesOf(span.start(), span.end());
        if (pieces.length > 0 || !encoded.truncated()) {
            return new TargetInSegment(encoded, pieces);
        }
        int from = Math.max(0, span.start() - WINDOW_CHARS);
        int to = Math.min(target.sentence().length(), span.end() + WINDOW_CHARS);
        EncodedSentence window = encoder.encodePairs(List.of(target.sentence().substring(from, to)),
                List.of(span.of(target.sentence()))).get(0);
        return new TargetInSegment(window, window.wordpiecesOf(span.start() - from, span.end() - from));
    }

    /** "mention [SEP] sentence": the mention first, so truncation cuts the sentence's tail, never the target. */
    static String pairText(Target t) {
        return t.span().of(t.sentence()) + " [SEP] " + t.sentence();
    }

    private void addPairParts(List<Target> targets, float[][] out) {
        Map<String, EncodedSentence> pairs = encode(targets.stream().map(StanceFeaturizer::pairText).toList());
        int d = encoder.dimension();
        int offset = (settings.parts() - 2) * d;
        for (int i = 0; i < targets.size(); i++) {
            EncodedSentence e = pairs.get(pairText(targets.get(i)));
            System.arraycopy(e.states()[0], 0, out[i], offset, d);
            meanInto(e, 1, e.length() - 1, out[i], offset + d);
        }
    }

    public float[][] sentenceFeatures(List<String> sentences) {
        return sentenceFeatures(encode(sentences), sentences);
    }

    /** Sentence features of sentences that are all in {@code encoded} (see {@link #encode}). */
    public float[][] sentenceFeatures(Map<String, EncodedSentence> encoded, List<String> sentences) {
        float[][] out = new float[sentences.size()][];
        int d = encoder.dimension();
        for (int i = 0; i < sentences.size(); i++) {
            EncodedSentence e = encoded.get(sentences.get(i));
            float[] v = new float[2 * d];
            meanInto(e, 1, e.length() - 1, v, 0);
            System.arraycopy(e.states()[0], 0, v, d, d);
            out[i] = v;
        }
        return out;
    }

    /** Encodes each distinct sentence once; the map serves both {@code features} methods. */
    public Map<String, EncodedSentence> encode(List<String> sentences) {
        return encode(encoder, sentences);
    }

    /** Each distinct sentence of {@code sentences} encoded once by {@code encoder}, by its text. */
    static Map<String, EncodedSentence> encode(TokenEncoder encoder, List<String> sentences) {
        Map<String, Integer> unique = new LinkedHashMap<>();
        for (String s : sentences) {
            unique.putIfAbsent(s, unique.size());
        }
        List<String> texts = new ArrayList<>(unique.keySet());
        List<EncodedSentence> encoded = encoder.encode(texts);
        Map<String, EncodedSentence> bySentence = new HashMap<>(texts.size() * 2);
        for (int i = 0; i < texts.size(); i++) {
            bySentence.put(texts.get(i), encoded.get(i));
        }
        return bySentence;
    }

    /** Builds the vector from {@code e}'s states; sentence-level parts come from {@code whole}. */
    private float[] vector(EncodedSentence e, int[] pieces, EncodedSentence whole) {
        int d = encoder.dimension();
        float[] v = new float[dimension()];
        int part = 0;
        if (pieces.length > 0) {
            meanInto(e, pieces[0], pieces[pieces.length - 1] + 1, v, 0);
        } // else: a target of only whitespace; leave zeros
        part++;
        if (settings.sentence()) {
            meanInto(whole, 1, whole.length() - 1, v, part++ * d);
        }
        if (settings.cls()) {
            System.arraycopy(whole.states()[0], 0, v, part++ * d, d);
        }
        if (settings.contextWindow() > 0) {
            int k = settings.contextWindow();
            int first = pieces.length > 0 ? pieces[0] : 1;
            int last = pieces.length > 0 ? pieces[pieces.length - 1] + 1 : 1;
            meanInto(e, Math.max(1, first - k), first, v, part++ * d);
            meanInto(e, last, Math.min(e.length() - 1, last + k), v, part++ * d);
        }
        return v;
    }

    /** Mean of states[from, to) written at v[offset..offset+d); zeros if the range is empty. */
    static void meanInto(EncodedSentence e, int from, int to, float[] v, int offset) {
        if (to <= from) {
            return;
        }
        float[][] states = e.states();
        int d = states[0].length;
        for (int t = from; t < to; t++) {
            float[] s = states[t];
            for (int j = 0; j < d; j++) {
                v[offset + j] += s[j];
            }
        }
        float inv = 1f / (to - from);
        for (int j = 0; j < d; j++) {
            v[offset + j] *= inv;
        }
    }
}
