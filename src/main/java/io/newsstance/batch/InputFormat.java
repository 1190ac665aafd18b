package io.newsstance.batch;

import java.util.Locale;

/** The formats the job reads. */
enum InputFormat {
    JSONL, CSV, PARQUET;

    static InputFormat parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "jsonl", "json", "ndjson" -> JSONL;
            case "csv" -> CSV;
            case "parquet" -> PARQUET;
            default -> throw new UsageException("--input-format must be jsonl, csv or parquet, not '" + s + "'");
        };
    }

    /** From a file name, ignoring a compression suffix; null when unknown. */
    static InputFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|deflate|lz4|snappy|zst)$", "");
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return JSONL;
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".parquet")) {
            return PARQUET;
        }
        return null;
    }
}
