package io.newsstance.evaluation;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import io.newsstance.api.Polarity;
import io.newsstance.data.StanceExample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VADER (Hutto and Gilbert 2014, Java port com.github.apanimesh061:vader-sentiment-analyzer) on the whole
 * sentence, its label given to every target: compound >= 0.05 positive, <= -0.05 negative, else neutral (the
 * thresholds VADER's authors recommend). It knows nothing of targets: the baseline a target-aware model must
 * beat.
 */
public final class VaderBaseline implements Baseline {

    @Override
    public String name() {
        return "vader(sentence)";
    }

    @Override
    public List<Polarity> predict(List<StanceExample> examples) {
        Map<String, Polarity> bySentence = new HashMap<>();
        List<Polarity> out = new ArrayList<>(examples.size());
        for (StanceExample e : examples) {
            out.add(bySentence.computeIfAbsent(e.sentence(), VaderBaseline::label));
        }
        return out;
    }

    public static Polarity label(String sentence) {
        double compound = compound(sentence);
        return compound >= 0.05 ? Polarity.POSITIVE : compound <= -0.05 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
    }

    public static double compound(String sentence) {
        try {
            SentimentAnalyzer analyzer = new SentimentAnalyzer(sentence);
            analyzer.analyze();
            Float c = analyzer.getPolarity().get("compound");
            return c == null ? 0 : c;
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // VADER's port fails on some inputs (e.g. no tokens): treat as neutral
        }
    }
}
