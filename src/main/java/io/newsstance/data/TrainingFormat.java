package io.newsstance.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Training-data formats, recognised by extension. */
public enum TrainingFormat {
    /** The newsstance stance CSV (training-data/README.md). */
    CSV,
    /** NewsMTSC JSON Lines (primary_gid, sentence_normalized, targets with from/to/polarity 2|4|6). */
    NEWSMTSC_JSONL;

    public static Optional<TrainingFormat> of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(NEWSMTSC_JSONL);
        }
        return Optional.empty();
    }
}
