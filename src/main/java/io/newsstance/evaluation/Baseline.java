package io.newsstance.evaluation;

import io.newsstance.api.Polarity;
import io.newsstance.data.StanceExample;

import java.util.List;

/** A reference predictor that a trained model must beat. */
public interface Baseline {

    String name();

    List<Polarity> predict(List<StanceExample> examples);
}
