package io.newsstance.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.api.BadInputException;
import io.newsstance.io.Json;
import io.newsstance.io.TextFiles;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Carves a dev set off JSON Lines files by page: every line names its page in {@code source}, and all lines of a
 * page go to the same side, whichever file they are in (realnews pages recur across its region files).
 *
 * <p>Why by page: sentences of one article share names, events and wording; a sentence-level carve puts
 * neighbours of the dev sentences in training and overstates the dev score. A page goes to dev when a seeded
 * hash of its URL falls under the fraction, so a page's side depends on the seed and its URL alone: adding or
 * removing other pages never moves it, and the same seed always gives the same carve.
 */
public final class PageCarve {

    /** Lines and pages on each side. */
    public record Counts(int trainLines, int devLines, int trainPages, int devPages) {
    }

    private PageCarve() {
    }

    /** True when {@code page} belongs to the dev side for this fraction and seed. */
    public static boolean isDev(String page, double fraction, long seed) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("dev fraction must be in (0, 1), got " + fraction);
        }
        // The first 64 bits of the seeded SHA-256 as an unsigned fraction of 2^64.
        BigInteger h = new BigInteger(1, java.util.HexFormat.of().parseHex(DevCarve.hash(seed, page).substring(0, 16)));
        return h.doubleValue() / Math.pow(2, 64) < fraction;
    }

    /**
     * Reads every line of {@code files} (each must be valid for {@link TrainingDataReader} and carry a string
     * {@code source}), and writes the train and dev lines, verbatim and in input order, to the two outputs.
     */
    public static Counts split(List<Path> files, Path trainOut, Path devOut, double fraction, long seed) {
        List<String> problems = new ArrayList<>();
        List<String> train = new ArrayList<>();
        List<String> dev = new ArrayList<>();
        Set<String> trainPages = new LinkedHashSet<>();
        Set<String> devPages = new LinkedHashSet<>();
        for (Path file : files) {
            if (TrainingFormat.of(file).orElse(null) != TrainingFormat.NEWSMTSC_JSONL) {
                throw new BadInputException(file + ": data split --by source takes JSON Lines (.jsonl)");
            }
            TrainingFile read = new TrainingDataReader().read(file);
            problems.addAll(read.problems());
            String[] lines = TextFiles.readUtf8(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String page = page(lines[i]);
                if (page == null) {
                    problems.add(file + ":" + (i + 1) + ": no string \"source\" naming the page");
                    continue;
                }
                boolean toDev = isDev(page, fraction, seed);
                (toDev ? dev : train).add(lines[i]);
                (toDev ? devPages : trainPages).add(page);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.subList(0, Math.min(20, problems.size())));
        }
        DataSplitter.writeLines(trainOut, train);
        DataSplitter.writeLines(devOut, dev);
        return new Counts(train.size(), dev.size(), trainPages.size(), devPages.size());
    }

    private static String page(String line) {
        try {
            JsonNode source = Json.MAPPER.readTree(line).get("source");
            return source != null && source.isTextual() && !source.asText().isBlank() ? source.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
