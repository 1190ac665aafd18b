package io.newsstance.data;

import io.newsstance.api.BadInputException;

import java.util.ArrayList;
import java.util.List;

/** The one way the labelled-data readers refuse their files: the first 20 "file:line: reason" lines, and a count. */
final class FileProblems {

    static final int SHOWN = 20;

    private FileProblems() {
    }

    /** Throws a {@link BadInputException} with the first {@link #SHOWN} problems if there are any. */
    static void throwIfAny(List<String> problems, String hint) {
        if (problems.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>(problems.subList(0, Math.min(SHOWN, problems.size())));
        if (problems.size() > SHOWN) {
            shown.add("… and " + (problems.size() - SHOWN) + " more problems" + hint);
        }
        throw new BadInputException(shown);
    }
}
