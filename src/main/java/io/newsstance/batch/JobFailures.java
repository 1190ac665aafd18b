package io.newsstance.batch;

import io.newsstance.api.BadInputException;

/** How the job reports what went wrong: the exception to show for a failed Spark job. */
final class JobFailures {

    private JobFailures() {
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * A failed Spark job as the exception to report: a BadInputException or UsageException from anywhere in the
     * cause chain (e.g. thrown in a task); an input file that turned out unreadable while the job ran (Spark reads
     * lazily: a corrupt Parquet footer, a CSV file whose header differs from the first file's) as a
     * BadInputException; anything else as it is.
     */
    static RuntimeException translate(Exception e, ArticleSource input) {
        UsageException usage = cause(e, UsageException.class);
        if (usage != null) {
            return usage;
        }
        BadInputException bad = cause(e, BadInputException.class);
        if (bad != null) {
            return bad;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (root instanceof java.io.FileNotFoundException || message.contains("CSV header does not conform")
                || message.contains("not a Parquet file") || message.contains("CANNOT_READ_FILE_FOOTER")
                || message.contains("FAILED_READ_FILE") || message.contains("Could not read footer")) {
            String text = message.strip().replaceAll("\\s*\\n\\s*", " ");
            return new BadInputException(input.path() + ": cannot read: "
                    + (text.length() > 500 ? text.substring(0, 500) + "…" : text), e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(RecordValidation.firstLine(e.getMessage()), e);
    }
}
