package io.newsstance.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an alias refers to its actor. The CSV spelling is the lower-case name ({@code short_name}, …). */
public enum AliasKind {
    /** Full or common name: "United States", "North Korea". */
    NAME,
    /** Abbreviation or short form: "U.S.", "DPRK", "Britain". */
    SHORT_NAME,
    /** Adjective or people: "Russian", "North Koreans". */
    DEMONYM,
    /** Capital or seat standing for the government: "Moscow", "Kremlin", "Pyongyang". */
    SEAT,
    /** A state organ or outlet: "Pentagon", "KCNA", "Security Council". */
    INSTITUTION,
    /** Head of state or government, or head of an organisation: "Vladimir Putin". */
    LEADER,
    /** Foreign, defence or other minister: "Sergei Lavrov". */
    MINISTER;

    /** The name used in the actor CSV and in output rows ({@code alias_kind}). */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code s} (its CSV name, any case), or empty for an unknown name. */
    public static Optional<AliasKind> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.csvName().equals(s.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Kinds whose surname alone may refer back to the person once the full name has appeared. */
    public boolean isPerson() {
        return this == LEADER || this == MINISTER;
    }
}
