package io.newsstance.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The dyad head of a stance model: a DL4J network over {@link DyadFeatureSettings} vectors (standardised) that
 * gives A's stance toward B, negative, neutral or positive. It reads the stance model's own encoder pass.
 */
public record DyadHead(MultiLayerNetwork network, Standardizer standardizer, DyadFeatureSettings settings) {

    /** A copy with its own network, for one inference worker (DL4J's output is synchronized). */
    public DyadHead copy() {
        return new DyadHead(network.clone(), standardizer, settings);
    }
}
