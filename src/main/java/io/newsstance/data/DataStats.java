package io.newsstance.data;

import io.newsstance.Polarity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts over labelled examples: what a corpus holds and how balanced it is.
 *
 * @param pairs                 (sentence, target) pairs
 * @param sentences             distinct sentences
 * @param byStance              pairs per stance
 * @param bySentiment           sentences per sentiment (where annotated)
 * @param actors                pairs per actor and stance (actor "?" for targets without an actor id)
 * @param aliasKinds            pairs per alias kind
 * @param bySplit               pairs per split
 * @param multiTargetSentences  sentences with two or more labelled targets
 * @param differingSentences    of those, sentences whose targets do not all share one stance
 */
public record DataStats(int pairs, int sentences, Map<String, Integer> byStance, Map<String, Integer> bySentiment,
                        Map<String, Map<String, Integer>> actors, Map<String, Integer> aliasKinds,
                        Map<String, Integer> bySplit, int multiTargetSentences, int differingSentences) {

    public static DataStats of(List<StanceExample> examples) {
        Map<String, List<StanceExample>> bySentence = examples.stream()
                .collect(Collectors.groupingBy(e -> e.sentenceId() + "\u0000" + e.sentence(), LinkedHashMap::new,
                        Collectors.toList()));
        Map<Polarity, Integer> stance = new EnumMap<>(Polarity.class);
        Map<Polarity, Integer> sentiment = new EnumMap<>(Polarity.class);
        Map<String, Map<String, Integer>> actors = new TreeMap<>();
        Map<String, Integer> aliasKinds = new TreeMap<>();
        Map<String, Integer> splits = new TreeMap<>();
        for (StanceExample e : examples) {
            stance.merge(e.stance(), 1, Integer::sum);
            Map<String, Integer> perActor = actors.computeIfAbsent(e.actor().orElse("?"), k -> new LinkedHashMap<>());
            for (Polarity p : Polarity.values()) {
                perActor.putIfAbsent(p.label(), 0);
            }
            perActor.merge(e.stance().label(), 1, Integer::sum);
            perActor.merge("total", 1, Integer::sum);
            aliasKinds.merge(e.aliasKind().isEmpty() ? "?" : e.aliasKind(), 1, Integer::sum);
            splits.merge(e.split().isEmpty() ? "?" : e.split(), 1, Integer::sum);
        }
        int multi = 0;
        int differing = 0;
        for (List<StanceExample> group : bySentence.values()) {
            group.get(0).sentiment().ifPresent(p -> sentiment.merge(p, 1, Integer::sum));
            if (group.size() >= 2) {
                multi++;
                Set<Polarity> labels = group.stream().map(StanceExample::stance).collect(Collectors.toSet());
                if (labels.size() > 1) {
                    differing++;
                }
            }
        }
        return new DataStats(examples.size(), bySentence.size(), labelled(stance), labelled(sentiment), actors,
                aliasKinds, splits, multi, differing);
    }

    private static Map<String, Integer> labelled(Map<Polarity, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Polarity p : Polarity.values()) {
            out.put(p.label(), counts.getOrDefault(p, 0));
        }
        return out;
    }

    /** The JSON shape of {@code data stats --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", pairs);
        m.put("sentences", sentences);
        m.put("by_stance", byStance);
        m.put("by_sentiment", bySentiment);
        m.put("actors", actors);
        m.put("alias_kinds", aliasKinds);
        m.put("by_split", bySplit);
        m.put("multi_target_sentences", multiTargetSentences);
        m.put("multi_target_share", sentences == 0 ? 0.0 : round((double) multiTargetSentences / sentences));
        m.put("differing_stance_sentences", differingSentences);
        m.put("differing_share_of_multi", multiTargetSentences == 0 ? 0.0
                : round((double) differingSentences / multiTargetSentences));
        return m;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

}
