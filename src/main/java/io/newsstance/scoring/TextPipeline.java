package io.newsstance.scoring;

import io.newsstance.actors.Mention;
import io.newsstance.actors.MentionFinder;
import io.newsstance.api.Article;
import io.newsstance.text.Sentence;
import io.newsstance.text.SentenceSplitter;

import java.util.List;

/**
 * Sentences and actor mentions of an article, in one pass: the step every later stage (training-data checks,
 * scoring, the Spark job) starts from.
 */
public final class TextPipeline {

    /** An article cut into sentences, with the mentions found in each (same order). */
    public record AnalysedArticle(Article article, List<Sentence> sentences, List<List<Mention>> mentions) {
    }

    private final SentenceSplitter splitter;
    private final MentionFinder finder;

    public TextPipeline(SentenceSplitter splitter, MentionFinder finder) {
        this.splitter = splitter;
        this.finder = finder;
    }

    public AnalysedArticle analyse(Article article) {
        List<Sentence> sentences = splitter.split(article.text());
        return new AnalysedArticle(article, sentences, finder.find(article.text(), sentences));
    }

    public MentionFinder mentionFinder() {
        return finder;
    }
}
