package io.newsstance.data;

import io.newsstance.api.BadInputException;
import io.newsstance.io.AtomicFile;
import io.newsstance.io.TextFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the two sides of a dev carve of a NewsMTSC JSON Lines file as JSON Lines files (lines copied
 * verbatim), so that the carve a model was tuned on can be evaluated again, and cited by checksum.
 */
public final class DataSplitter {

    /** How many lines went each way. */
    public record Counts(int trainLines, int devLines) {
    }

    private DataSplitter() {
    }

    /** Carves {@code fraction} of the sentences of {@code jsonl} off as dev, as {@link DevCarve} does. */
    public static Counts split(Path jsonl, Path trainOut, Path devOut, double fraction, long seed) {
        if (TrainingFormat.of(jsonl).orElse(null) != TrainingFormat.NEWSMTSC_JSONL) {
            throw new BadInputException(jsonl + ": data split takes NewsMTSC JSON Lines (.jsonl)");
        }
        TrainingFile file = new TrainingDataReader().read(jsonl);
        if (!file.problems().isEmpty()) {
            throw new BadInputException(file.problems().subList(0, Math.min(20, file.problems().size())));
        }
        Set<String> devLines = new HashSet<>();
        for (StanceExample e : DevCarve.carve(file.examples(), fraction, seed).dev()) {
            devLines.add(e.source());
        }
        String[] lines = TextFiles.readUtf8(jsonl).split("\n", -1);
        List<String> train = new ArrayList<>();
        List<String> dev = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            (devLines.contains(jsonl + ":" + (i + 1)) ? dev : train).add(lines[i]);
        }
        writeLines(trainOut, train);
        writeLines(devOut, dev);
        return new Counts(train.size(), dev.size());
    }

    static void writeLines(Path file, List<String> lines) {
        AtomicFile.write(file, out -> {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
    }

}
