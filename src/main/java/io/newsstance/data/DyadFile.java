package io.newsstance.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading one dyad file gave: its valid dyads, the directed pairs they came from (Park et al.'s TSV only;
 * empty for a dyad CSV), and a "file:line: reason" for every record that is not valid. {@code records} counts
 * every record read, so records = valid records + problems.
 */
public record DyadFile(Path path, List<DyadExample> dyads, List<DirectedPair> pairs, List<String> problems,
                       int records) {
}
