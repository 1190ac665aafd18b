package io.newsstance.cli;

import io.newsstance.api.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

/** The {@code newsstance} command: subcommands are thin shells over the library. */
@Command(name = "newsstance",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "How the news portrays political actors, sentence by sentence.",
        subcommands = {ScoreCommand.class, ActorsCommand.class, DataCommand.class, TrainCommand.class, EvalCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal error."})
public final class NewsstanceCommand implements Runnable {

    /** Exit codes of every command and of the Spark job: ok, bad input, usage error, internal error. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NewsstanceCommand());
        cl.setExecutionExceptionHandler(NewsstanceCommand::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BadInputException bad) {
            for (String problem : bad.problems()) {
                err.println("newsstance: " + problem);
            }
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("newsstance: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL;
    }
}
