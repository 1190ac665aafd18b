package io.newsstance.model;

import io.newsstance.api.Span;
import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.TokenEncoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link DyadTarget}s into the dyad head's feature vectors ({@link DyadFeatureSettings}) from the encoded
 * sentences the stance features came from: no encoder pass of its own, except for a pair whose source or
 * target lies past the encoder's 128-wordpiece cut, which is read from a window of the sentence around both
 * spans (as the stance featurizer reads such targets). Thread-safe if the encoder is.
 */
public final class DyadFeaturizer {

    /** The stance head's probabilities for targets whose sentences are encoded (what {@code stance} adds). */
    @FunctionalInterface
    public interface StanceProbe {
        float[][] probabilities(Map<String, EncodedSentence> encoded, List<Target> targets);
    }

    private final TokenEncoder encoder;
    private final DyadFeatureSettings settings;
    private final StanceProbe stance;

    /** A featurizer; {@code stance} may be null only if the settings do not read the stance head. */
    public DyadFeaturizer(TokenEncoder encoder, DyadFeatureSettings settings, StanceProbe stance) {
        if (settings.stance() && stance == null) {
            throw new IllegalArgumentException("the dyad features " + settings.key() + " need the stance head");
        }
        this.encoder = encoder;
        this.settings = settings;
        this.stance = stance;
    }

    public DyadFeatureSettings settings() {
        return settings;
    }

    public int dimension() {
        return settings.dimension(encoder.dimension());
    }

    /**
     * Features of any number of dyads, encoding their sentences {@link StanceModel#SENTENCES_PER_PASS} distinct
     * sentences at a time (training and evaluation; scoring reuses the stance pass through the method below).
     */
    public float[][] features(List<DyadTarget> dyads) {
        float[][] out = new float[dyads.size()][];
        Map<String, List<Integer>> bySentence = new LinkedHashMap<>();
        for (int i = 0; i < dyads.size(); i++) {
            bySentence.computeIfAbsent(dyads.get(i).sentence(), k -> new ArrayList<>()).add(i);
        }
        List<String> sentences = new ArrayList<>(bySentence.keySet());
        for (int from = 0; from < sentences.size(); from += StanceModel.SENTENCES_PER_PASS) {
            List<String> part = sentences.subList(from, Math.min(sentences.size(), from + StanceModel.SENTENCES_PER_PASS));
            Map<String, EncodedSentence> encoded = StanceFeaturizer.encode(encoder, part);
            List<Integer> own = part.stream().flatMap(s -> bySentence.get(s).stream()).toList();
            float[][] x = features(encoded, own.stream().map(dyads::get).toList());
            for (int k = 0; k < own.size(); k++) {
                out[own.get(k)] = x[k];
            }
        }
        return out;
    }

    /** Features of dyads whose sentences are all in {@code encoded} (see {@link StanceFeaturizer#encode}). */
    public float[][] features(Map<String, EncodedSentence> encoded, List<DyadTarget> dyads) {
        float[][] out = new float[dyads.size()][];
        for (int i = 0; i < dyads.size(); i++) {
            DyadTarget d = dyads.get(i);
            EncodedSentence whole = encoded.get(d.sentence());
            if (whole == null) {
                throw new IllegalArgumentException("dyad " + i + "'s sentence was not encoded");
            }
            int[] source = whole.wordpiecesOf(d.source().start(), d.source().end());
            int[] target = whole.wordpiecesOf(d.target().start(), d.target().end());
            if (whole.truncated() && (source.length == 0 || target.length == 0)) {
                out[i] = windowed(d, whole);
            } else {
                out[i] = vector(whole, source, target, whole);
            }
        }
        if (settings.stance() && !dyads.isEmpty()) {
            List<Target> ends = new ArrayList<>(2 * dyads.size());
            for (DyadTarget d : dyads) {
                ends.add(new Target(d.sentence(), d.source()));
                ends.add(new Target(d.sentence(), d.target()));
            }
            float[][] p = stance.probabilities(encoded, ends);
            int at = settings.parts() * encoder.dimension();
            for (int i = 0; i < dyads.size(); i++) {
                System.arraycopy(p[2 * i], 0, out[i], at, 3);
                System.arraycopy(p[2 * i + 1], 0, out[i], at + 3, 3);
            }
        }
        return out;
    }

    /** Both spans read from one window of the sentence around them, encoded alone; sentence parts from whole. */
    private float[] windowed(DyadTarget d, EncodedSentence whole) {
        int from = Math.max(0, Math.min(d.source().start(), d.target().start()) - StanceFeaturizer.WINDOW_CHARS);
        int to = Math.min(d.sentence().length(),
                Math.max(d.source().end(), d.target().end()) + StanceFeaturizer.WINDOW_CHARS);
        EncodedSentence window = encoder.encode(List.of(d.sentence().substring(from, to))).get(0);
        Span s = d.source().shift(-from);
        Span t = d.target().shift(-from);
        return vector(window, window.wordpiecesOf(s.start(), s.end()), window.wordpiecesOf(t.start(), t.end()), whole);
    }

    private float[] vector(EncodedSentence e, int[] source, int[] target, EncodedSentence whole) {
        int dim = encoder.dimension();
        float[] v = new float[dimension()];
        if (source.length > 0) {
            StanceFeaturizer.meanInto(e, source[0], source[source.length - 1] + 1, v, 0);
        }
        if (target.length > 0) {
            StanceFeaturizer.meanInto(e, target[0], target[target.length - 1] + 1, v, dim);
        }
        StanceFeaturizer.meanInto(whole, 1, whole.length() - 1, v, 2 * dim);
        System.arraycopy(whole.states()[0], 0, v, 3 * dim, dim);
        if (settings.between() && source.length > 0 && target.length > 0) {
            // spans in either order: the gap runs from the end of the first to the start of the second
            boolean sourceFirst = source[0] < target[0];
            int from = sourceFirst ? source[source.length - 1] + 1 : target[target.length - 1] + 1;
            int to = sourceFirst ? target[0] : source[0];
            StanceFeaturizer.meanInto(e, from, to, v, 4 * dim);
        }
        return v;
    }
}
