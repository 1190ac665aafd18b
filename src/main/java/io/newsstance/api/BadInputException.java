package io.newsstance.api;

import java.util.List;

/**
 * Input that newsstance cannot use: a malformed file, row or record. The message names where (file:line or
 * record id) and what is wrong, so the CLI prints it as is (exit code 1) instead of a stack trace.
 */
public class BadInputException extends RuntimeException {

    private final List<String> problems;

    /** One problem, naming the file, line or record and what is wrong with it. */
    public BadInputException(String problem) {
        this(List.of(problem));
    }

    /** Several problems, each naming the file, line or record and what is wrong with it. */
    public BadInputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One problem, with the exception that revealed it. */
    public BadInputException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem as "where: what", in input order. */
    public List<String> problems() {
        return problems;
    }
}
