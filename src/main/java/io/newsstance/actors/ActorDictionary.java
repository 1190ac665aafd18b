package io.newsstance.actors;

import io.newsstance.api.AliasKind;
import io.newsstance.api.BadInputException;
import io.newsstance.io.CsvTable;
import io.newsstance.io.TextFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The actors newsstance knows and the aliases that refer to them. The default dictionary is the CSV resource
 * {@code /newsstance/actors/actors.csv}; a user file in the same format adds actors and aliases or overrides
 * them ({@link #withOverrides}). Immutable.
 *
 * <p>CSV columns (one row per alias): {@code actor,name,kind,alias,alias_kind,backref,years,note}. Required:
 * actor, alias, alias_kind; name and kind are required the first time a file introduces a new actor.
 */
public final class ActorDictionary {

    public static final String DEFAULT_RESOURCE = "/newsstance/actors/actors.csv";
    static final Set<String> REQUIRED = Set.of("actor", "alias", "alias_kind");
    static final Set<String> OPTIONAL = Set.of("name", "kind", "backref", "years", "note");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern YEARS = Pattern.compile("(?:\\d{4}-(?:\\d{4})?)(?:;\\s*\\d{4}-(?:\\d{4})?)*");

    private final Map<String, Actor> actors;
    private final Map<String, Alias> aliasesByText;

    private ActorDictionary(Map<String, Actor> actors, Map<String, Alias> aliasesByText) {
        this.actors = Collections.unmodifiableMap(actors);
        this.aliasesByText = Collections.unmodifiableMap(aliasesByText);
    }

    /** The shipped dictionary. */
    public static ActorDictionary loadDefault() {
        try (InputStream in = ActorDictionary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return empty().merge(TextFiles.readUtf8(in, "actors.csv (built-in)"), "actors.csv (built-in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ActorDictionary empty() {
        return new ActorDictionary(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /**
     * This dictionary plus the rows of a user CSV file: new actors are added; for a known actor, a non-empty name
     * or kind replaces the old one and its aliases are added; an alias that belonged to another actor moves to
     * the actor the file gives. Every bad row is reported as "file:line: reason" and nothing is merged.
     */
    public ActorDictionary withOverrides(Path file) {
        return merge(TextFiles.readUtf8(file), file.toString());
    }

    /** As {@link #withOverrides(Path)}, for CSV text already in memory (e.g. shipped to Spark executors). */
    public ActorDictionary withOverrides(String csv, String fileName) {
        return merge(csv, fileName);
    }

    ActorDictionary merge(String csv, String fileName) {
        CsvTable table = CsvTable.parse(fileName, csv, REQUIRED, OPTIONAL);
        Map<String, Actor> newActors = new LinkedHashMap<>(actors);
        Map<String, Alias> newAliases = new LinkedHashMap<>(aliasesByText);
        Map<String, String> aliasOwnerInFile = new LinkedHashMap<>();
        Set<String> actorsSeenInFile = new java.util.HashSet<>();
        List<String> problems = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String problem = table.fieldCountProblem(row);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            String id = row.get("actor").strip();
            String aliasText = row.get("alias");
            String name = row.get("name").strip();
            String kind = row.get("kind").strip();
            String backref = row.get("backref").strip();
            String years = row.get("years").strip();
            Optional<AliasKind> aliasKind = AliasKind.parse(row.get("alias_kind"));
            String reason = null;
            if (!ID.matcher(id).matches()) {
                reason = "actor id '" + id + "' must be upper case letters, digits and _ (e.g. SOUTH_KOREA)";
            } else if (aliasText.isBlank()) {
                reason = "empty alias";
            } else if (!aliasText.equals(aliasText.strip())) {
                reason = "alias '" + aliasText + "' has leading or trailing spaces";
            } else if (aliasText.startsWith("the ") || aliasText.startsWith("The ")) {
                reason = "alias '" + aliasText + "' starts with 'the': write it without (mentions exclude the article)";
            } else if (aliasKind.isEmpty()) {
                reason = "alias_kind '" + row.get("alias_kind") + "' is not one of name, short_name, demonym, seat, "
                        + "institution, leader, minister";
            } else if (!backref.isEmpty() && !aliasKind.get().isPerson()) {
                reason = "backref is only for leader or minister aliases";
            } else if (!backref.isEmpty() && !containsWord(aliasText, backref)) {
                reason = "backref '" + backref + "' is not a word of alias '" + aliasText + "'";
            } else if (!years.isEmpty() && !YEARS.matcher(years).matches()) {
                reason = "years '" + years + "' must look like 2000-2008 or 2012- (several separated by ;)";
            } else if (!newActors.containsKey(id) && (name.isEmpty() || kind.isEmpty())) {
                reason = "new actor " + id + " needs a name and a kind";
            } else if (aliasOwnerInFile.containsKey(aliasText) && !aliasOwnerInFile.get(aliasText).equals(id)) {
                reason = "alias '" + aliasText + "' is given to both " + aliasOwnerInFile.get(aliasText) + " and " + id;
            }
            if (reason != null) {
                problems.add(row.where() + ": " + reason);
                continue;
            }
            Actor old = newActors.get(id);
            if (old == null || !actorsSeenInFile.contains(id)) {
                newActors.put(id, new Actor(id, name.isEmpty() ? old.name() : name, kind.isEmpty() ? old.kind() : kind));
            } else if ((!name.isEmpty() && !name.equals(old.name())) || (!kind.isEmpty() && !kind.equals(old.kind()))) {
                problems.add(row.where() + ": actor " + id + " is given name/kind '" + name + "'/'" + kind
                        + "' but earlier rows of this file say '" + old.name() + "'/'" + old.kind() + "'");
                continue;
            }
            actorsSeenInFile.add(id);
            aliasOwnerInFile.put(aliasText, id);
            newAliases.put(aliasText, new Alias(id, aliasText, aliasKind.get(), backref, years, row.get("note").strip()));
        }
        if (table.fatal() != null) {
            problems.add(table.fatal());
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new ActorDictionary(newActors, newAliases);
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    public Collection<Actor> actors() {
        return actors.values();
    }

    public Optional<Actor> actor(String id) {
        return Optional.ofNullable(actors.get(id));
    }

    public Collection<Alias> aliases() {
        return aliasesByText.values();
    }

    public List<Alias> aliasesOf(String actorId) {
        return aliasesByText.values().stream().filter(a -> a.actorId().equals(actorId)).toList();
    }

    public Optional<Alias> alias(String text) {
        return Optional.ofNullable(aliasesByText.get(text));
    }
}
