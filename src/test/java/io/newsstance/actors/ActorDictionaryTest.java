package io.newsstance.actors;

import io.newsstance.api.AliasKind;
import io.newsstance.api.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorDictionaryTest {

    private static final ActorDictionary DEFAULT = ActorDictionary.loadDefault();

    @Test
    void defaultDictionaryCoversTheRequiredActors() {
        Set<String> ids = DEFAULT.actors().stream().map(Actor::id).collect(Collectors.toSet());
        assertTrue(ids.size() >= 60, "actors: " + ids.size());
        for (String id : List.of("USA", "RUSSIA", "CHINA", "DPRK", "SOUTH_KOREA", "JAPAN", "UK", "FRANCE", "GERMANY",
                "ITALY", "CANADA", "AUSTRALIA", "INDIA", "BRAZIL", "MEXICO", "ARGENTINA", "INDONESIA", "SAUDI_ARABIA",
                "SOUTH_AFRICA", "TURKEY", "IRAN", "ISRAEL", "PALESTINE", "SYRIA", "IRAQ", "AFGHANISTAN", "UKRAINE",
                "BELARUS", "GEORGIA", "VENEZUELA", "CUBA", "UN", "NATO", "EU", "IAEA", "ASEAN", "AU", "OPEC", "WHO")) {
            assertTrue(ids.contains(id), id);
        }
    }

    @Test
    void everyStateHasNameSeatAndLeaderAliases() {
        for (Actor actor : DEFAULT.actors()) {
            if (!actor.kind().equals("state")) {
                continue;
            }
            Set<AliasKind> kinds = DEFAULT.aliasesOf(actor.id()).stream().map(Alias::kind).collect(Collectors.toSet());
            assertTrue(kinds.containsAll(Set.of(AliasKind.NAME, AliasKind.SEAT, AliasKind.LEADER, AliasKind.MINISTER)),
                    actor.id() + " has " + kinds);
        }
    }

    @Test
    void metonymsAndLeadersResolve() {
        assertEquals("RUSSIA", DEFAULT.alias("Kremlin").orElseThrow().actorId());
        assertEquals(AliasKind.SEAT, DEFAULT.alias("Pyongyang").orElseThrow().kind());
        assertEquals("DPRK", DEFAULT.alias("KCNA").orElseThrow().actorId());
        assertEquals("USA", DEFAULT.alias("Pentagon").orElseThrow().actorId());
        Alias kim = DEFAULT.alias("Kim Jong Un").orElseThrow();
        assertEquals(AliasKind.LEADER, kim.kind());
        assertEquals("Kim", kim.backref());
        assertTrue(DEFAULT.alias("us").isEmpty() && DEFAULT.alias("Korea").isEmpty());
    }

    @Test
    void userFileAddsAndOverridesActors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, """
                actor,name,kind,alias,alias_kind,backref,years,note
                KOSOVO,Kosovo,state,Kosovo,name,,,
                KOSOVO,,,Pristina,seat,,,
                RUSSIA,Russian Federation,state,Rossiya,short_name,,,
                UKRAINE,,,Moscow,seat,,,test: an alias moves to the actor the user file names
                """);
        ActorDictionary merged = DEFAULT.withOverrides(file);
        assertEquals("Kosovo", merged.actor("KOSOVO").orElseThrow().name());
        assertEquals("KOSOVO", merged.alias("Pristina").orElseThrow().actorId());
        assertEquals("Russian Federation", merged.actor("RUSSIA").orElseThrow().name());
        assertEquals("UKRAINE", merged.alias("Moscow").orElseThrow().actorId());
        assertEquals("RUSSIA", merged.alias("Kremlin").orElseThrow().actorId());
        assertEquals(List.of("KOSOVO|Pristina"), new MentionFinder(merged).find("Pristina protested.").stream()
                .map(m -> m.actorId() + "|" + m.text()).toList());
    }

    @Test
    void badRowsAreReportedWithFileLineAndReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                actor,name,kind,alias,alias_kind,backref,years,note
                lower_case,X,state,X,name,,,
                NEWLAND,,,Newland,name,,,
                USA,,,the Capitol,institution,,,
                USA,,,Capitol Hill,place,,,
                USA,,,Joe Doe,leader,Smith,,
                USA,,,Jane Doe,leader,Doe,2020-21,
                USA,,,"Unclosed,name,,,
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> DEFAULT.withOverrides(file));
        List<String> p = e.problems();
        assertTrue(p.get(0).startsWith(file + ":2: actor id 'lower_case'"), p.get(0));
        assertTrue(p.get(1).startsWith(file + ":3: new actor NEWLAND needs a name and a kind"), p.get(1));
        assertTrue(p.get(2).startsWith(file + ":4: alias 'the Capitol' starts with 'the'"), p.get(2));
        assertTrue(p.get(3).startsWith(file + ":5: alias_kind 'place'"), p.get(3));
        assertTrue(p.get(4).startsWith(file + ":6: backref 'Smith' is not a word"), p.get(4));
        assertTrue(p.get(5).startsWith(file + ":7: years '2020-21'"), p.get(5));
        assertTrue(p.get(6).startsWith(file + ":8: malformed CSV"), p.get(6));
        assertEquals(7, p.size());
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noalias.csv");
        Files.writeString(file, "actor,name,kind,alias_kind\nX,X,state,name\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DEFAULT.withOverrides(file));
        assertEquals(List.of(file + ":1: missing required column 'alias'"), e.problems());
    }
}
