package io.newsstance.batch;



/** A problem with the job's arguments (or an output directory in use without --overwrite): exit code 2, with the usage. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
