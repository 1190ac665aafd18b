package io.newsstance.batch;

import io.newsstance.StanceClassifier;
import io.newsstance.api.Article;
import io.newsstance.api.ArticleOutcome;
import io.newsstance.api.ArticleResult;
import io.newsstance.output.Level;
import io.newsstance.output.ResultRows;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Scores a partition of {@link SparkSchemas#PARSED} rows in batches; emits {@link SparkSchemas#SCORED} rows, in order. */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<byte[]> model;
    private final Broadcast<String> actors;
    private final String key;
    private final ClassifierLoader loader;
    private final int batchSize;

    ScorePartition(Broadcast<byte[]> model, Broadcast<String> actors, String key, ClassifierLoader loader, int batchSize) {
        this.model = model;
        this.actors = actors;
        this.key = key;
        this.loader = loader;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && input.hasNext()) {
                    nextBatch();
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void nextBatch() {
                List<Row> batch = new ArrayList<>();
                List<Article> articles = new ArrayList<>();
                while (input.hasNext() && articles.size() < batchSize && batch.size() < 16 * batchSize) {
                    Row r = input.next();
                    batch.add(r);
                    if (r.getAs("reason") == null) {
                        articles.add(new Article(r.getAs("id"), r.getAs("title"), r.getAs("text"),
                                r.getAs("date"), r.getAs("source"), r.getAs("url")));
                    }
                }
                List<ArticleOutcome> outcomes = articles.isEmpty() ? List.of() : score(articles);
                int a = 0;
                for (Row r : batch) {
                    String location = r.getAs("location");
                    String id = r.getAs("id");
                    String reason = r.getAs("reason");
                    if (reason == null) {
                        ArticleOutcome outcome = outcomes.get(a++);
                        if (outcome.ok()) {
                            ready.add(scoredRow(location, outcome.result().get()));
                            continue;
                        }
                        reason = outcome.failure();
                    }
                    ready.add(new GenericRowWithSchema(new Object[]{location, id, reason, null, null, null, null},
                            SparkSchemas.SCORED));
                }
            }
        };
    }

    /** Outcomes in order; one bad article does not sink the batch ({@link StanceClassifier#scoreEach}). */
    private List<ArticleOutcome> score(List<Article> articles) {
        StanceClassifier classifier = ClassifierCache.get(key, () -> loader.load(model.value(), actors.value()));
        return classifier.scoreEach(articles);
    }

    private static Row scoredRow(String location, ArticleResult r) {
        Row article = SparkSchemas.row(ResultRows.article(r), SparkSchemas.ARTICLE_ROW);
        Row[] sentences = ResultRows.rows(r, Level.SENTENCE).stream()
                .map(s -> SparkSchemas.row(s, SparkSchemas.SENTENCE_ROW)).toArray(Row[]::new);
        Row[] mentions = ResultRows.rows(r, Level.MENTION).stream()
                .map(m -> SparkSchemas.row(m, SparkSchemas.MENTION_ROW)).toArray(Row[]::new);
        Row[] dyads = ResultRows.rows(r, Level.DYAD).stream()
                .map(d -> SparkSchemas.row(d, SparkSchemas.DYAD_ROW)).toArray(Row[]::new);
        return new GenericRowWithSchema(new Object[]{location, r.article().id(), null, article, sentences, mentions,
                dyads}, SparkSchemas.SCORED);
    }
}
