package io.newsstance.cli;

import io.newsstance.actors.Actor;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.actors.Alias;
import io.newsstance.actors.Mention;
import io.newsstance.actors.MentionFinder;
import io.newsstance.api.Article;
import io.newsstance.input.ArticleFormat;
import io.newsstance.input.ArticleInputs;
import io.newsstance.input.ArticleRecord;
import io.newsstance.io.Json;
import io.newsstance.scoring.TextPipeline;
import io.newsstance.text.Sentence;
import io.newsstance.text.SentenceSplitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code newsstance actors}: list the dictionary, or show the actor mentions in text. */
@Command(name = "actors",
        mixinStandardHelpOptions = true,
        description = {
                "Without input: list the actor dictionary.",
                "With --text or INPUT: split the text into sentences and show each actor mention."},
        footer = {"", "Examples:",
                "  newsstance actors",
                "  newsstance actors --text \"Moscow and Pyongyang signed a pact; Washington objected.\"",
                "  newsstance actors --json articles.jsonl"})
public final class ActorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ActorOptions actorOptions;

    @Option(names = "--text", paramLabel = "TEXT", description = "Text to analyse (one article).")
    String text;

    @Option(names = "--json", description = "JSON Lines: one object per actor (listing) or per mention.")
    boolean json;

    @Mixin
    StdinFormatOption stdinFormat;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Article files (.txt, .jsonl, .csv), directories, or - for standard input.")
    List<String> inputs = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ActorDictionary dictionary = actorOptions.dictionary();
        if (text == null && inputs.isEmpty()) {
            list(dictionary, out);
            out.flush();
            return 0;
        }
        TextPipeline pipeline = new TextPipeline(new SentenceSplitter(), new MentionFinder(dictionary));
        int rejected = 0;
        if (text != null) {
            show(pipeline.analyse(Article.of("text", text)), out);
        }
        ArticleFormat format = stdinFormat.format();
        try (ArticleInputs records = new ArticleInputs(inputs, System.in, format)) {
            while (records.hasNext()) {
                ArticleRecord record = records.next();
                if (record instanceof ArticleRecord.Read read) {
                    show(pipeline.analyse(read.article()), out);
                } else if (record instanceof ArticleRecord.Rejected rej) {
                    rejected++;
                    spec.commandLine().getErr().println("newsstance: " + rej.location() + ": " + rej.reason());
                }
            }
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return rejected == 0 ? 0 : NewsstanceCommand.EXIT_BAD_INPUT;
    }

    private void list(ActorDictionary dictionary, PrintWriter out) {
        for (Actor actor : dictionary.actors()) {
            List<Alias> aliases = dictionary.aliasesOf(actor.id());
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("actor", actor.id());
                row.put("name", actor.name());
                row.put("kind", actor.kind());
                row.put("aliases", aliases.stream().map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("alias", a.text());
                    m.put("alias_kind", a.kind().csvName());
                    if (!a.years().isEmpty()) {
                        m.put("years", a.years());
                    }
                    return m;
                }).toList());
                out.println(Json.line(row));
            } else {
                String sample = aliases.stream().limit(6).map(Alias::text).collect(Collectors.joining(", "));
                out.printf("%-13s %-34s %-9s %4d  %s%n", actor.id(), actor.name(), actor.kind(), aliases.size(), sample);
            }
        }
        if (!json) {
            out.printf("%d actors, %d aliases%n", dictionary.actors().size(), dictionary.aliases().size());
        }
    }

    private void show(TextPipeline.AnalysedArticle analysed, PrintWriter out) {
        List<Sentence> sentences = analysed.sentences();
        for (Sentence sentence : sentences) {
            List<Mention> mentions = analysed.mentions().get(sentence.index());
            if (json) {
                for (Mention m : mentions) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("article_id", analysed.article().id());
                    row.put("sentence_index", sentence.index());
                    row.put("actor", m.actorId());
                    row.put("start", m.span().start());
                    row.put("end", m.span().end());
                    row.put("text", m.text());
                    row.put("alias_kind", m.aliasKind().csvName());
                    out.println(Json.line(row));
                }
            } else {
                out.printf("[%d] %s%n", sentence.index(), sentence.text().replaceAll("\\s+", " "));
                for (Mention m : mentions) {
                    out.printf("      %-13s %-28s %5d-%-5d %s%n", m.actorId(), "\"" + m.text() + "\"",
                            m.span().start(), m.span().end(), m.aliasKind().csvName());
                }
            }
        }
    }
}
