package io.newsstance.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading one training file gave: the examples that are valid, and a "file:line: reason" for every row
 * that is not. {@code rows} counts every record read, so rows = examples + rejected rows.
 */
public record TrainingFile(Path path, List<StanceExample> examples, List<String> problems, int rows) {
}
