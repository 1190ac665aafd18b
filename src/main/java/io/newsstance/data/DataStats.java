package io.newsstance.data;

import io.newsstance.api.Polarity;
import io.newsstance.io.Decimals;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** The floor of issue "no actor priors": every label holds at least this share of a frequent actor's pairs. */
    public static final double BALANCE_FLOOR = 0.20;

    /** How many of the most frequent actors the floor applies to. */
    public static final int BALANCE_TOP = 20;

    /**
     * One actor's label balance.
     *
     * @param actor  actor id
     * @param total  its pairs
     * @param shares share of its pairs per label, in label order
     * @param under  the labels whose share is below the floor (empty when balanced)
     */
    public record Balance(String actor, int total, Map<String, Double> shares, List<String> under) {
        public boolean ok() {
            return under.isEmpty();
        }
    }

    /**
     * The label balance of the {@code top} most frequent actors (ties by id), each flagged with the labels under
     * {@code floor}. Why: when one actor is mostly negative in the data, a model learns the name instead of the
     * sentence (round 1: North Korea 74% negative in the corpus, and "Russia boosts support for North Korea" came
     * out negative for North Korea).
     */
    public List<Balance> balance(int top, double floor) {
        return actors.entrySet().stream().filter(e -> !e.getKey().equals("?"))
                .sorted(Comparator.comparing((Map.Entry<String, Map<String, Integer>> e) -> -e.getValue().get("total"))
                        .thenComparing(Map.Entry::getKey))
                .limit(top).map(e -> {
                    int total = e.getValue().get("total");
                    Map<String, Double> shares = new LinkedHashMap<>();
                    List<String> under = new ArrayList<>();
                    for (Polarity p : Polarity.values()) {
                        double share = (double) e.getValue().get(p.label()) / total;
                        shares.put(p.label(), Decimals.round(share));
                        if (share < floor) {
                            under.add(p.label());
                        }
                    }
                    return new Balance(e.getKey(), total, shares, List.copyOf(under));
                }).toList();
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
        m.put("multi_target_share", sentences == 0 ? 0.0 : Decimals.round((double) multiTargetSentences / sentences));
        m.put("differing_stance_sentences", differingSentences);
        m.put("balance_floor", BALANCE_FLOOR);
        m.put("balance", balance(BALANCE_TOP, BALANCE_FLOOR).stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("actor", b.actor());
            row.put("total", b.total());
            row.put("shares", b.shares());
            row.put("under_floor", b.under());
            return row;
        }).toList());
        m.put("differing_share_of_multi", multiTargetSentences == 0 ? 0.0
                : Decimals.round((double) differingSentences / multiTargetSentences));
        return m;
    }

}
