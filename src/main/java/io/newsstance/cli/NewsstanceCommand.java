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
        subcommands = {ScoreCommand.class, ActorsCommand.class, DataCommand.class, TrainCommand.class, TrainDyadsCommand.class,
                EvalCommand.class,
                BenchCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal error."})
public final class NewsstanceCommand implements Runnable {

    /** Exit codes of every command and of the Spark job: ok, bad input, usage error, internal error. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Libraries log at WARN (simplelogger.properties); {@code --verbose} brings back their INFO lines. A system
     * property wins over the properties file, and it is set while the arguments are parsed, before any library
     * class has made its logger.
     */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also show the libraries' INFO logging (ND4J, DJL, ONNX Runtime); default: warnings and "
                    + "errors only.")
    void verbose(boolean on) {
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        // The CLI's one logging binding, even when a classpath carries another (Spark's log4j provider): picking
        // it explicitly also spares the user slf4j's five-line "multiple providers" notice.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");  // not slf4j's own "loading provider" line
        }
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
