package io.newsstance.robustness;

import io.newsstance.StanceClassifier;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One {@link StanceClassifier} shared by 8 threads gives exactly the results of scoring one article at a time. */
class ConcurrencyTest {

    private static final String[] ACTORS = {"Russia", "China", "the EU", "NATO", "Japan", "Kyiv", "Washington",
            "Tehran", "Seoul", "Berlin", "Pyongyang", "the U.N.", "India", "Brazil", "Israel", "Hamas"};
    private static final String[] DOINGS = {"condemned", "praised", "met", "warned", "thanked", "criticised",
            "welcomed", "rejected the offer of", "signed a deal with", "threatened"};
    private static final String[] ENDINGS = {"on Monday.", "over the border dispute.", "after the vote.",
            "at the summit in Geneva.", "for the third time this year.", "despite the sanctions."};

    /** 1,000 short articles (2-3 sentences), all different. */
    static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            StringBuilder text = new StringBuilder();
            int sentences = 2 + i % 2;
            for (int k = 0; k < sentences; k++) {
                int x = i * 7 + k * 13;
                text.append(ACTORS[x % ACTORS.length]).append(' ').append(DOINGS[(x / 3) % DOINGS.length]).append(' ')
                        .append(ACTORS[(x / 5 + 1 + k) % ACTORS.length]).append(' ')
                        .append(ENDINGS[(i + k) % ENDINGS.length]).append(k + 1 < sentences ? " " : "");
            }
            if (i % 10 == 0) {
                text.append(" Talks resume in week ").append(i / 10).append('.');
            }
            out.add(Article.of("a" + i, text.toString()));
        }
        return out;
    }

    @Test
    void eightThreadsSharingOneClassifierGetExactlyTheSequentialResults() throws Exception {
        List<Article> articles = articles();
        try (StanceClassifier classifier = StanceClassifier.loadDefault()) {
            List<ArticleResult> sequential = new ArrayList<>(articles.size());
            for (Article a : articles) {
                sequential.add(classifier.score(a));
            }
            ArticleResult[] concurrent = new ArticleResult[articles.size()];
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        // Interleaved shares, half the threads walking backwards: every article meets others.
                        for (int k = 0; k < articles.size() / threads; k++) {
                            int i = first % 2 == 0 ? first + k * threads
                                    : articles.size() - threads + first - k * threads;
                            concurrent[i] = classifier.score(articles.get(i));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < articles.size(); i++) {
                assertEquals(sequential.get(i), concurrent[i], "article " + i);
            }
            assertEquals(sequential.subList(0, 100), classifier.scoreAll(articles.subList(0, 100)),
                    "scoreAll agrees too");
        }
    }
}
