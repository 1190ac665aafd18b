package io.newsstance.model;

import io.newsstance.api.Polarity;
import io.newsstance.api.Prediction;
import io.newsstance.encoder.EncodedSentence;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trained stance model: a DL4J network over {@link StanceFeaturizer} vectors that predicts the stance of a
 * sentence toward a target, and a second network that predicts the sentence's sentiment. A sentence's result
 * depends only on that sentence (features are computed per sentence, the networks are feed-forward).
 *
 * <p>DL4J's {@code output} is synchronized, so threads sharing one model are serialised on the network; callers
 * that want parallel inference use {@link #copy()} per worker.
 */
public final class StanceModel {

    public static final List<String> LABELS = Arrays.stream(Polarity.values()).map(Polarity::label).toList();
    private static final int CHUNK = 1024;
    /**
     * Sentences encoded together by {@link #analyse}: bounds the token states held at once (15 KB per 10
     * wordpieces of a sentence) however long the article. Results do not depend on it.
     */
    static final int SENTENCES_PER_PASS = 256;

    private final StanceFeaturizer featurizer;
    private final MultiLayerNetwork stanceNetwork;
    private final Standardizer stanceStandardizer;
    private final MultiLayerNetwork sentimentNetwork;
    private final Standardizer sentimentStandardizer;
    private final ModelCard card;
    private final DyadHead dyadHead;
    private final DyadFeaturizer dyadFeaturizer;

    public StanceModel(StanceFeaturizer featurizer, MultiLayerNetwork stanceNetwork, Standardizer stanceStandardizer,
                       MultiLayerNetwork sentimentNetwork, Standardizer sentimentStandardizer, ModelCard card) {
        this(featurizer, stanceNetwork, stanceStandardizer, sentimentNetwork, sentimentStandardizer, card, null);
    }

    /** A model with a dyad head ({@code dyadHead} may be null: no dyads). */
    public StanceModel(StanceFeaturizer featurizer, MultiLayerNetwork stanceNetwork, Standardizer stanceStandardizer,
                       MultiLayerNetwork sentimentNetwork, Standardizer sentimentStandardizer, ModelCard card,
                       DyadHead dyadHead) {
        this.dyadHead = dyadHead;
        this.dyadFeaturizer = dyadHead == null ? null : dyadFeaturizer(featurizer, dyadHead.settings());
        this.featurizer = featurizer;
        this.stanceNetwork = stanceNetwork;
        this.stanceStandardizer = stanceStandardizer;
        this.sentimentNetwork = sentimentNetwork;
        this.sentimentStandardizer = sentimentStandardizer;
        this.card = card;
    }

    /** Stance toward each target, in input order. */
    public List<Prediction> predict(List<Target> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        return predictFeatures(featurizer.features(targets));
    }

    /**
     * Sentiment of each sentence, stance toward each target and A's stance toward B for each dyad, from one encoder
     * pass over the sentences.
     */
    public record Analysis(List<Prediction> sentiment, List<Prediction> stance, List<Prediction> dyads) {
    }

    /** {@link #analyse(List, List, List)} without dyads. */
    public Analysis analyse(List<String> sentences, List<Target> targets) {
        return analyse(sentences, targets, List.of());
    }

    /**
     * Sentiment of {@code sentences} (empty list if the model has no sentiment network) and stance toward
     * {@code targets} and the stance of each dyad's source toward its target (the model must have a dyad head if
     * there are dyads), whose sentences must be among {@code sentences}. Each sentence is encoded once.
     */
    public Analysis analyse(List<String> sentences, List<Target> targets, List<DyadTarget> dyads) {
        if (!dyads.isEmpty()) {
            requireDyadHead();
        }
        if (sentences.isEmpty()) {
            return new Analysis(List.of(), List.of(), List.of());
        }
        // Encode SENTENCES_PER_PASS sentences at a time (with the targets in them) and keep only their feature
        // vectors; the networks then see all rows at once, exactly as if the article had been encoded in one go.
        Map<String, Integer> passOf = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            passOf.putIfAbsent(sentences.get(i), i / SENTENCES_PER_PASS);
        }
        int passes = (sentences.size() + SENTENCES_PER_PASS - 1) / SENTENCES_PER_PASS;
        List<List<Integer>> targetsOf = new ArrayList<>(passes);
        for (int p = 0; p < passes; p++) {
            targetsOf.add(new ArrayList<>());
        }
        for (int t = 0; t < targets.size(); t++) {
            Integer pass = passOf.get(targets.get(t).sentence());
            if (pass == null) {
                throw new IllegalArgumentException("target " + t + "'s sentence is not among the sentences");
            }
            targetsOf.get(pass).add(t);
        }
        List<List<Integer>> dyadsOf = new ArrayList<>(passes);
        for (int p = 0; p < passes; p++) {
            dyadsOf.add(new ArrayList<>());
        }
        for (int d = 0; d < dyads.size(); d++) {
            Integer pass = passOf.get(dyads.get(d).sentence());
            if (pass == null) {
                throw new IllegalArgumentException("dyad " + d + "'s sentence is not among the sentences");
            }
            dyadsOf.get(pass).add(d);
        }
        float[][] dyadX = new float[dyads.size()][];
        float[][] stanceX = new float[targets.size()][];
        float[][] sentimentX = new float[sentences.size()][];
        for (int p = 0; p < passes; p++) {
            int from = p * SENTENCES_PER_PASS;
            List<String> part = sentences.subList(from, Math.min(sentences.size(), from + SENTENCES_PER_PASS));
            Map<String, EncodedSentence> encoded = featurizer.encode(part);
            List<Integer> own = targetsOf.get(p);
            if (!own.isEmpty()) {
                float[][] x = featurizer.features(encoded, own.stream().map(targets::get).toList());
                for (int k = 0; k < own.size(); k++) {
                    stanceX[own.get(k)] = x[k];
                }
            }
            if (sentimentNetwork != null) {
                System.arraycopy(featurizer.sentenceFeatures(encoded, part), 0, sentimentX, from, part.size());
            }
            List<Integer> ownDyads = dyadsOf.get(p);
            if (!ownDyads.isEmpty()) {
                float[][] x = dyadFeaturizer.features(encoded, ownDyads.stream().map(dyads::get).toList());
                for (int k = 0; k < ownDyads.size(); k++) {
                    dyadX[ownDyads.get(k)] = x[k];
                }
            }
        }
        List<Prediction> stance = targets.isEmpty() ? List.of() : predictFeatures(stanceX);
        List<Prediction> sentiment = sentimentNetwork == null ? List.of()
                : run(sentimentNetwork, sentimentStandardizer.apply(sentimentX));
        List<Prediction> dyadStance = dyads.isEmpty() ? List.of() : predictDyadFeatures(dyadX);
        return new Analysis(sentiment, stance, dyadStance);
    }

    /**
     * A's stance toward B for each dyad (the model must have a dyad head): the dyad features alone, without the
     * sentiment head a whole {@link #analyse} would also run.
     */
    public List<Prediction> dyads(List<DyadTarget> dyads) {
        if (dyads.isEmpty()) {
            return List.of();
        }
        requireDyadHead();
        return predictDyadFeatures(dyadFeaturizer.features(dyads));
    }

    private void requireDyadHead() {
        if (dyadHead == null) {
            throw new IllegalStateException("this model has no dyad head; train one with 'newsstance train-dyads'");
        }
    }

    /** A dyad featurizer over this model's encoder pass and, where the settings read it, its stance head. */
    public DyadFeaturizer dyadFeaturizer(DyadFeatureSettings settings) {
        return dyadFeaturizer(featurizer, settings);
    }

    private DyadFeaturizer dyadFeaturizer(StanceFeaturizer f, DyadFeatureSettings settings) {
        return new DyadFeaturizer(f.encoder(), settings, (encoded, targets) -> {
            List<Prediction> p = predictFeatures(f.features(encoded, targets));
            float[][] out = new float[p.size()][];
            for (int i = 0; i < out.length; i++) {
                Prediction x = p.get(i);
                out[i] = new float[]{(float) x.pNegative(), (float) x.pNeutral(), (float) x.pPositive()};
            }
            return out;
        });
    }

    /** Dyad stance from precomputed (unstandardised) dyad feature vectors: used by training and evaluation. */
    public List<Prediction> predictDyadFeatures(float[][] features) {
        return run(dyadHead.network(), dyadHead.standardizer().apply(features));
    }

    /** Stance from precomputed (unstandardised) feature vectors: used by training and evaluation. */
    public List<Prediction> predictFeatures(float[][] features) {
        return run(stanceNetwork, stanceStandardizer.apply(features));
    }

    /** Sentiment of each sentence; empty if the model has no sentiment network. */
    public Optional<List<Prediction>> sentiment(List<String> sentences) {
        if (sentimentNetwork == null) {
            return Optional.empty();
        }
        if (sentences.isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(run(sentimentNetwork, sentimentStandardizer.apply(featurizer.sentenceFeatures(sentences))));
    }

    static List<Prediction> run(MultiLayerNetwork network, float[][] x) {
        List<Prediction> out = new ArrayList<>(x.length);
        for (int from = 0; from < x.length; from += CHUNK) {
            float[][] chunk = Arrays.copyOfRange(x, from, Math.min(x.length, from + CHUNK));
            INDArray probabilities = network.output(Nd4j.create(chunk), false);
            float[][] p = probabilities.toFloatMatrix();
            for (float[] row : p) {
                out.add(Prediction.of(row));
            }
        }
        return out;
    }

    /** A copy with its own networks (sharing the thread-safe featurizer), for one inference worker. */
    public StanceModel copy() {
        return new StanceModel(featurizer, stanceNetwork.clone(), stanceStandardizer,
                sentimentNetwork == null ? null : sentimentNetwork.clone(), sentimentStandardizer, card,
                dyadHead == null ? null : dyadHead.copy());
    }

    /** The same networks with another card (e.g. with test metrics added after training). */
    public StanceModel withCard(ModelCard newCard) {
        return new StanceModel(featurizer, stanceNetwork, stanceStandardizer, sentimentNetwork, sentimentStandardizer,
                newCard, dyadHead);
    }

    /** The same stance and sentiment heads with {@code head} as the dyad head, and {@code newCard}. */
    public StanceModel withDyadHead(DyadHead head, ModelCard newCard) {
        return new StanceModel(featurizer, stanceNetwork, stanceStandardizer, sentimentNetwork, sentimentStandardizer,
                newCard, head);
    }

    /** The same heads over another featurizer of the same settings (e.g. an encoder wrapped to count its calls). */
    public StanceModel withFeaturizer(StanceFeaturizer other) {
        if (!other.settings().equals(featurizer.settings()) || other.dimension() != featurizer.dimension()) {
            throw new IllegalArgumentException("the featurizer must have the model's settings " + featurizer.settings());
        }
        return new StanceModel(other, stanceNetwork, stanceStandardizer, sentimentNetwork, sentimentStandardizer, card,
                dyadHead);
    }

    public StanceFeaturizer featurizer() {
        return featurizer;
    }

    /** The DL4J stance head (for the model file and tests; not part of the API). */
    MultiLayerNetwork stanceNetwork() {
        return stanceNetwork;
    }

    public Standardizer stanceStandardizer() {
        return stanceStandardizer;
    }

    /** The DL4J sentiment head, if the model has one (for the model file; not part of the API). */
    Optional<MultiLayerNetwork> sentimentNetwork() {
        return Optional.ofNullable(sentimentNetwork);
    }

    /** Whether the model has a sentence-sentiment head. */
    public boolean hasSentiment() {
        return sentimentNetwork != null;
    }

    /** The dyad head, if the model has one. */
    public Optional<DyadHead> dyadHead() {
        return Optional.ofNullable(dyadHead);
    }

    /** Whether the model gives dyads (A's stance toward B). */
    public boolean hasDyads() {
        return dyadHead != null;
    }

    /** The dyad featurizer over this model's encoder, if the model has a dyad head. */
    public Optional<DyadFeaturizer> dyadFeaturizer() {
        return Optional.ofNullable(dyadFeaturizer);
    }

    public Standardizer sentimentStandardizer() {
        return sentimentStandardizer;
    }

    public ModelCard card() {
        return card;
    }
}
