package io.newsstance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstance.io.Json;
import io.newsstance.output.ArticleRow;
import io.newsstance.output.DyadRow;
import io.newsstance.output.MentionRow;
import io.newsstance.output.OutputRow;
import io.newsstance.output.SentenceRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows in the real format: built as score's own row records ({@link SentenceRow}, {@link MentionRow},
 * {@link ArticleRow}) and written as score writes them ({@code Json.line(row.toMap())}), so a change to score's
 * rows reaches these tests.
 */
final class ScoreRowsFixture {

    private ScoreRowsFixture() {
    }

    /** A sentence row whose mentions are given as (actor, mention text, score); offsets found in {@code text}. */
    static SentenceRow sentence(String article, String date, String source, int index, int start, String text,
                                Object... mentions) {
        List<SentenceRow.Mention> ms = new java.util.ArrayList<>();
        for (int i = 0; i < mentions.length; i += 3) {
            String surface = (String) mentions[i + 1];
            int at = text.indexOf(surface);
            double score = (Double) mentions[i + 2];
            ms.add(new SentenceRow.Mention((String) mentions[i], start + at, start + at + surface.length(), surface,
                    stance(score), score));
        }
        return new SentenceRow(article, date, source, index, start, start + text.length(), text, "neutral", 0.2, 0.6,
                0.2, ms, List.of());
    }

    /** The mention rows of a sentence row, as score --level mention writes them. */
    static List<MentionRow> mentions(SentenceRow s) {
        return s.mentions().stream().map(m -> new MentionRow(s.articleId(), s.date(), s.source(), s.sentenceIndex(),
                m.actor(), m.start(), m.end(), m.text(), "name", m.stance(), 0.1, 0.8, 0.1, m.score())).toList();
    }

    /**
     * {@code s} with dyads given as "SOURCE>TARGET", score, …; the stance follows the score as for mentions.
     */
    static SentenceRow withDyads(SentenceRow s, Object... dyads) {
        List<SentenceRow.Dyad> ds = new java.util.ArrayList<>();
        for (int i = 0; i < dyads.length; i += 2) {
            String[] ends = ((String) dyads[i]).split(">");
            double score = (Double) dyads[i + 1];
            ds.add(new SentenceRow.Dyad(ends[0], ends[1], stance(score), score));
        }
        return new SentenceRow(s.articleId(), s.date(), s.source(), s.sentenceIndex(), s.start(), s.end(), s.text(),
                s.sentiment(), s.pNegative(), s.pNeutral(), s.pPositive(), s.mentions(), ds);
    }

    /**
     * The dyad rows of a sentence row, as score --level dyad writes them: each end's offsets are those of the
     * actor's first mention in the sentence.
     */
    static List<DyadRow> dyadRows(SentenceRow s) {
        return s.dyads().stream().map(d -> {
            SentenceRow.Mention a = first(s, d.sourceActor());
            SentenceRow.Mention b = first(s, d.targetActor());
            double p = Math.abs(d.score());
            return new DyadRow(s.articleId(), s.date(), s.source(), s.sentenceIndex(), d.sourceActor(), a.start(),
                    a.end(), a.text(), d.targetActor(), b.start(), b.end(), b.text(), d.stance(),
                    d.score() < 0 ? p : 0, 1 - p, d.score() > 0 ? p : 0, d.score());
        }).toList();
    }

    private static SentenceRow.Mention first(SentenceRow s, String actor) {
        return s.mentions().stream().filter(m -> m.actor().equals(actor)).findFirst()
                .orElseThrow(() -> new AssertionError(actor + " is not mentioned in " + s.text()));
    }

    static ArticleRow article(String id, String date, String source, String url, List<ArticleRow.Actor> actors) {
        return article(id, date, source, url, actors, List.of());
    }

    static ArticleRow article(String id, String date, String source, String url, List<ArticleRow.Actor> actors,
                              List<ArticleRow.Dyad> dyads) {
        return new ArticleRow(id, "Title of " + id, date, source, url, 3, "neutral", 0.2, 0.6, 0.2, actors, dyads);
    }

    static String stance(double score) {
        return score < -0.3 ? "negative" : score > 0.3 ? "positive" : "neutral";
    }

    static Path jsonl(Path file, List<? extends OutputRow> rows) throws IOException {
        StringBuilder b = new StringBuilder();
        rows.forEach(r -> b.append(Json.line(r.toMap())).append('\n'));
        Files.writeString(file, b.toString());
        return file;
    }

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

    /** The data block of a written report, parsed. */
    static JsonNode data(Path html) throws IOException {
        Matcher m = DATA.matcher(Files.readString(html));
        if (!m.find()) {
            throw new AssertionError("no data block in " + html);
        }
        return Json.MAPPER.readTree(m.group(1));
    }
}
