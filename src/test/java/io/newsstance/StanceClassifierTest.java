package io.newsstance;

import io.newsstance.StanceClassifier;
import io.newsstance.api.ActorSummary;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleResult;
import io.newsstance.api.MentionResult;
import io.newsstance.api.Polarity;
import io.newsstance.api.Prediction;
import io.newsstance.api.SentenceResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded API with the real shipped model. */
class StanceClassifierTest {

    private static StanceClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = StanceClassifier.loadDefault();
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    private static Polarity stance(String sentence, String target) {
        int start = sentence.indexOf(target);
        return classifier.predict(sentence, start, start + target.length()).label();
    }

    @Test
    void clearCutSentencesGetTheExpectedStance() {
        assertEquals(Polarity.NEGATIVE, stance("North Korea fired two ballistic missiles into the sea on Tuesday in "
                + "violation of U.N. resolutions.", "North Korea"));
        assertEquals(Polarity.NEGATIVE, stance("Russian forces shelled residential districts of Kharkiv overnight, "
                + "killing five civilians.", "Russian"));
        assertEquals(Polarity.POSITIVE, stance("Ukraine thanked Japan for a generous package of humanitarian aid "
                + "that will help families rebuild their homes.", "Japan"));
        assertEquals(Polarity.NEUTRAL, stance("The meeting between Mexico and Canada is scheduled for next week.",
                "Mexico"));
    }

    @Test
    void predictionsAreProbabilities() {
        String s = "Seoul condemned Pyongyang's latest launch.";
        Prediction p = classifier.predict(s, 16, 25);
        assertEquals(1.0, p.pNegative() + p.pNeutral() + p.pPositive(), 1e-4);
        assertEquals(p.pPositive() - p.pNegative(), p.score(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> classifier.predict(s, 30, 99));
    }

    @Test
    void scoresAnArticleWithOffsetsSentimentAndSummaries() throws Exception {
        Path file = Path.of("training-data/articles/2025-03-14-seoul-missile-test.txt");
        String text = Files.readString(file);
        ArticleResult r = classifier.score(new Article("a", "", text, "2025-03-14", "Wire", ""));
        assertTrue(r.sentences().size() >= 10, "sentences: " + r.sentences().size());
        assertTrue(r.sentiment().isPresent());
        int mentions = 0;
        for (SentenceResult s : r.sentences()) {
            assertEquals(s.text(), s.span().of(text));
            assertTrue(s.sentiment().isPresent());
            for (MentionResult m : s.mentions()) {
                assertEquals(m.text(), m.span().of(text));
                assertTrue(s.span().contains(m.span()));
                mentions++;
            }
        }
        int summarised = 0;
        for (ActorSummary a : r.actors()) {
            assertEquals(a.mentions(), a.negative() + a.neutral() + a.positive());
            assertEquals(1, a.articles());
            assertFalse(a.hasInterval(), "one article's mentions give no interval: " + a);
            summarised += a.mentions();
        }
        assertEquals(mentions, summarised);
        ActorSummary dprk = r.actors().stream().filter(a -> a.actor().equals("DPRK")).findFirst().orElseThrow();
        assertTrue(dprk.meanScore() < -0.3, "a missile-test story portrays North Korea negatively: " + dprk.meanScore());
        double mean = r.sentences().stream().flatMap(s -> s.mentions().stream()).filter(m -> m.actor().equals("DPRK"))
                .mapToDouble(m -> m.stance().score()).average().orElseThrow();
        assertEquals(mean, dprk.meanScore(), 1e-9);
    }

    @Test
    void scoreAllOnTwoThreadsEqualsScoringOneByOne() throws Exception {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("training-data/articles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                articles.add(Article.of(f.getFileName().toString(), Files.readString(f)));
            }
        }
        List<ArticleResult> parallel = classifier.scoreAll(articles);
        for (int i = 0; i < articles.size(); i++) {
            assertEquals(classifier.score(articles.get(i)), parallel.get(i));
        }
    }

    @Test
    void anArticleWithoutActorsStillHasSentences() {
        ArticleResult r = classifier.score(Article.of("x", "Rain fell all day. The roads were quiet."));
        assertEquals(2, r.sentences().size());
        assertTrue(r.actors().isEmpty());
    }
}
