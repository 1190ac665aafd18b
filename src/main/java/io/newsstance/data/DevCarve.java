package io.newsstance.data;


import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carves a dev set off labelled examples, reproducibly: by sentence (all targets of a sentence go to the same
 * side), stratified by the sentence's first label, and ordered by a seeded hash of the sentence text, so the
 * same seed and data always give the same carve whatever the file order.
 */
public final class DevCarve {

    /** The two sides of a carve. */
    public record Split(List<StanceExample> train, List<StanceExample> dev) {
    }

    private DevCarve() {
    }

    public static Split carve(List<StanceExample> examples, double fraction, long seed) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("dev fraction must be in (0, 1), got " + fraction);
        }
        Map<String, List<StanceExample>> bySentence = new LinkedHashMap<>();
        for (StanceExample e : examples) {
            bySentence.computeIfAbsent(e.sentence(), k -> new ArrayList<>()).add(e);
        }
        // Stratum: the label of the sentence's first target by position, so input order does not matter.
        Map<Object, List<String>> strata = new LinkedHashMap<>();
        for (Map.Entry<String, List<StanceExample>> e : bySentence.entrySet()) {
            StanceExample first = e.getValue().stream().min(Comparator.comparing(StanceExample::target)).orElseThrow();
            strata.computeIfAbsent(first.stance(), k -> new ArrayList<>()).add(e.getKey());
        }
        java.util.Set<String> dev = new java.util.HashSet<>();
        for (List<String> sentences : strata.values()) {
            sentences.sort(Comparator.comparing(s -> hash(seed, s)));
            int n = (int) Math.round(sentences.size() * fraction);
            dev.addAll(sentences.subList(0, n));
        }
        List<StanceExample> train = new ArrayList<>();
        List<StanceExample> devExamples = new ArrayList<>();
        for (StanceExample e : examples) {
            (dev.contains(e.sentence()) ? devExamples : train).add(e);
        }
        return new Split(train, devExamples);
    }

    static String hash(long seed, String sentence) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(sentence.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
