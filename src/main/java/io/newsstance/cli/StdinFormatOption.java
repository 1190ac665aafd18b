package io.newsstance.cli;

import io.newsstance.input.ArticleFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Shared option: the article format of standard input ("-"), which has no file name to tell it. */
final class StdinFormatOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "txt",
            description = "Format of standard input (-): txt, jsonl or csv (default: ${DEFAULT-VALUE}).")
    String name;

    ArticleFormat format() {
        return ArticleFormat.named(name).orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(),
                "--input-format must be txt, jsonl or csv"));
    }
}
