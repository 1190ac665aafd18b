package io.newsstance.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates training files: everything {@link TrainingDataReader} checks per row, plus what only shows across
 * rows and files: duplicate pair ids, duplicate (sentence, span) pairs, a sentence id reused for different text
 * or sentiment, and the same sentence in two splits (train/dev/test), which would leak test data into training.
 */
public final class DataChecker {

    /** The outcome: problems as "file:line: reason", and how many rows and examples were read. */
    public record Report(List<String> problems, int files, int rows, int examples) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final TrainingDataReader reader = new TrainingDataReader();

    public Report check(List<Path> files) {
        List<String> problems = new ArrayList<>();
        Map<String, String> pairIds = new HashMap<>();
        Map<String, StanceExample> sentenceIds = new HashMap<>();
        Map<String, String> pairKeys = new HashMap<>();
        Map<String, StanceExample> splitOfSentence = new HashMap<>();
        int rows = 0;
        int examples = 0;
        for (Path file : files) {
            TrainingFile tf = reader.read(file);
            problems.addAll(tf.problems());
            rows += tf.rows();
            examples += tf.examples().size();
            String fileSplit = splitFromName(file);
            for (StanceExample e : tf.examples()) {
                String firstPair = pairIds.putIfAbsent(e.id(), e.source());
                if (firstPair != null) {
                    problems.add(e.source() + ": duplicate pair id '" + e.id() + "' (first at " + firstPair + ")");
                }
                String split = e.split().isEmpty() ? fileSplit : e.split();
                String key = split + "\u0000" + normalise(e.sentence()) + "\u0000" + e.target().start() + ":" + e.target().end();
                String firstKey = pairKeys.putIfAbsent(key, e.source());
                if (firstKey != null && firstPair == null) {
                    problems.add(e.source() + ": the same sentence and target span are labelled twice (first at "
                            + firstKey + ")");
                }
                StanceExample sameId = sentenceIds.putIfAbsent(e.sentenceId(), e);
                if (sameId != null && !sameId.sentence().equals(e.sentence())) {
                    problems.add(e.source() + ": sentence_id '" + e.sentenceId() + "' has a different text than at "
                            + sameId.source());
                } else if (sameId != null && !sameId.sentiment().equals(e.sentiment())) {
                    problems.add(e.source() + ": sentence_id '" + e.sentenceId() + "' has a different sentiment than at "
                            + sameId.source());
                }
                StanceExample inSplit = splitOfSentence.putIfAbsent(normalise(e.sentence()), withSplit(e, split));
                if (inSplit != null && !inSplit.split().equals(split)) {
                    problems.add(e.source() + ": sentence is in split '" + split + "' and also in split '"
                            + inSplit.split() + "' (" + inSplit.source() + ")");
                }
            }
        }
        return new Report(problems, files.size(), rows, examples);
    }

    private static StanceExample withSplit(StanceExample e, String split) {
        return new StanceExample(e.id(), e.sentenceId(), e.sentence(), e.target(), e.actor(), e.aliasKind(),
                e.stance(), e.sentiment(), split, e.source());
    }

    /** train/dev/test from a file name such as stance-test.csv; otherwise the file name itself. */
    static String splitFromName(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (String s : List.of("train", "dev", "test")) {
            if (name.matches(".*(^|[^a-z])" + s + "([^a-z].*|$)")) {
                return s;
            }
        }
        return name;
    }

    static String normalise(String sentence) {
        return sentence.strip().replaceAll("\\s+", " ").replace('’', '\'').replace('“', '"').replace('”', '"');
    }
}
