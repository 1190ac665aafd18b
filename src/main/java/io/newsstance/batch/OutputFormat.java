package io.newsstance.batch;

import java.util.Locale;

/** The formats the job writes. */
enum OutputFormat {
    PARQUET, JSONL;

    static OutputFormat parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "parquet" -> PARQUET;
            case "jsonl", "json" -> JSONL;
            default -> throw new UsageException("--output-format must be parquet or jsonl, not '" + s + "'");
        };
    }
}
