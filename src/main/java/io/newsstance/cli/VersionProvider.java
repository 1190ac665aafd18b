package io.newsstance.cli;

import io.newsstance.api.Version;
import picocli.CommandLine;

/** {@code --version}: the build's version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"newsstance " + Version.get()};
    }
}
