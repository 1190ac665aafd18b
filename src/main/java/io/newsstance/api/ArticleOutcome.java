package io.newsstance.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one article of a batch: its result, or why it could not be scored. Batches score through
 * {@code StanceClassifier.scoreEach}, the one place that keeps one bad article from sinking the rest; the CLI's
 * {@code score} and the Spark job both report a failure as a reject with {@link #failure()} as its reason.
 *
 * @param article the article as given
 * @param result  its result, empty when it could not be scored
 * @param failure the reason ("cannot be scored: …") when it could not, else null
 */
public record ArticleOutcome(Article article, Optional<ArticleResult> result, String failure) {

    public ArticleOutcome {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(result, "result");
        if (result.isPresent() == (failure != null)) {
            throw new IllegalArgumentException("an outcome has either a result or a failure");
        }
    }

    /** A scored article. */
    public static ArticleOutcome scored(ArticleResult result) {
        return new ArticleOutcome(result.article(), Optional.of(result), null);
    }

    /** An article that could not be scored, with the message of what went wrong. */
    public static ArticleOutcome failed(Article article, String message) {
        return new ArticleOutcome(article, Optional.empty(), "cannot be scored: " + message);
    }

    /** Whether the article was scored. */
    public boolean ok() {
        return result.isPresent();
    }
}
