package io.newsstance.cli;

import io.newsstance.actors.ActorDictionary;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Shared option: extend or override the built-in actor dictionary. */
final class ActorOptions {

    @Option(names = "--actors", paramLabel = "FILE",
            description = "CSV of extra actors and aliases (columns actor,name,kind,alias,alias_kind,backref,"
                    + "years,note) that add to or override the built-in dictionary.")
    Path actorsFile;

    ActorDictionary dictionary() {
        ActorDictionary builtIn = ActorDictionary.loadDefault();
        return actorsFile == null ? builtIn : builtIn.withOverrides(actorsFile);
    }
}
