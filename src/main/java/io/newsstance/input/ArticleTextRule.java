package io.newsstance.input;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule set an article's text must pass before it is scored, whichever way it arrives: the article
 * readers ({@code .txt}, JSON Lines, CSV), {@code score} and the Spark job all ask this class, so a record is
 * rejected for the same reason, with the same words, everywhere. (Before, the Spark job kept its own copy, which
 * had lost the length limit, and "empty text" was decided in four places.)
 */
public final class ArticleTextRule {

    /**
     * The longest article scored, in characters (UTF-16 code units). Why a limit: an article is split into
     * sentences and encoded in memory; a runaway record (a whole dump on one line) must be rejected, not take the
     * JVM down. A million characters is about 150,000 words, far above any news article.
     */
    public static final int MAX_ARTICLE_CHARS = 1_000_000;

    private ArticleTextRule() {
    }

    /**
     * Why {@code text} cannot be scored, or empty when it can: missing, empty (blank), containing a NUL
     * character, or longer than {@link #MAX_ARTICLE_CHARS}.
     */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.of("missing field \"text\"");
        }
        if (text.isBlank()) {
            return Optional.of("empty text");
        }
        if (text.indexOf('\0') >= 0) {
            return Optional.of("text contains a NUL character");
        }
        if (text.length() > MAX_ARTICLE_CHARS) {
            return Optional.of("text is " + tooLong(text.length(), "characters"));
        }
        return Optional.empty();
    }

    /** The words for an input over the limit, counted in {@code unit} (characters, or bytes for a file). */
    public static String tooLong(long size, String unit) {
        return String.format(Locale.ROOT, "too long: %,d %s; an article may have at most %,d characters (split it "
                + "into articles)", size, unit, MAX_ARTICLE_CHARS);
    }
}
