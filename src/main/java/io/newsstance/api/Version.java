package io.newsstance.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The newsstance version, from the build (filtered resource), recorded in every model card. */
public final class Version {

    private Version() {
    }

    /** The version of this build, as in the jar's manifest and {@code --version}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/newsstance/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
