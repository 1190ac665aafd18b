package io.newsstance.data;

import io.newsstance.actors.Actor;
import io.newsstance.actors.ActorDictionary;
import io.newsstance.actors.Alias;
import io.newsstance.api.AliasKind;
import io.newsstance.api.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces a labelled actor mention by an alias of another actor of the same kind (state for state,
 * organisation for organisation; name for name, demonym for demonym, capital for capital, leader for leader),
 * keeping the label and moving every other target of the sentence by the length difference.
 *
 * <p>Why: in the round-1 corpus North Korea was 74% negative and the model learned the name instead of the
 * sentence ("Iran did not attack Israel." gave Iran negative). Training on swapped names ({@link #augment}) takes
 * the name away as a shortcut, and evaluating on swapped names ({@link #swapEach}) measures how much a model
 * still leans on it. Both are seeded per sentence, so the result does not depend on input order.
 */
public final class ActorSwap {

    /**
     * Aliases that are read with "the" in running text ("the United States", "the Kremlin", "the European
     * Commission"). A mention after "the" is replaced by one of these, or the "the" is dropped, so that a swap
     * never writes "the Iran" or "Pentagon said".
     */
    private static final Pattern TAKES_THE = Pattern.compile(
            "\\b(United|Republic|Union|Kingdom|States|House|Kremlin|Pentagon|Emirates|Philippines|Netherlands"
                    + "|Council|Assembly|Commission|Department|Ministry|Organization|Organisation|Agency|Court"
                    + "|Fund|Army|Forces|Guard|Secretariat|Parliament|Congress|Knesset|Duma|Elysee|Élysée|Vatican"
                    + "|Taliban|Houthis|Blue House|Quai|State of|Palace)\\b|^(EU|UN|U\\.N\\.|UAE|U\\.S\\.|US|UK|U\\.K\\.|IMF|WTO"
                    + "|WHO|IAEA|ICC|AU|G7|IDF|KCNA)$");

    private final ActorDictionary dictionary;
    /** Actors in id order (a seeded choice must not depend on the dictionary's iteration order). */
    private final List<Actor> actors;
    /** Each actor's aliases, looked up once: a swap looks at every actor for every pair. */
    private final Map<String, List<Alias>> aliases = new java.util.HashMap<>();

    public ActorSwap(ActorDictionary dictionary) {
        this.dictionary = dictionary;
        this.actors = dictionary.actors().stream().sorted(Comparator.comparing(Actor::id)).toList();
        for (Actor a : actors) {
            aliases.put(a.id(), List.copyOf(dictionary.aliasesOf(a.id())));
        }
    }

    /**
     * Training augmentation: each pair's target is swapped with probability {@code p}; a sentence with several
     * swapped targets gets all of them, and every pair of the sentence is returned with the new text and
     * offsets. Labels are kept. Pairs whose target cannot be swapped (no actor, no alias of the same kind)
     * stay as they are. Returns as many examples as it was given, in the same order.
     */
    public List<StanceExample> augment(List<StanceExample> examples, double p, long seed) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("swap probability must be in [0, 1], got " + p);
        }
        Map<String, List<Integer>> bySentence = bySentence(examples);
        StanceExample[] out = examples.toArray(new StanceExample[0]);
        for (List<Integer> indexes : bySentence.values()) {
            List<StanceExample> group = new ArrayList<>(indexes.stream().map(i -> examples.get(i)).toList());
            Random rng = new Random(seedFor(seed, group.get(0).sentence()));
            for (int k = 0; k < group.size(); k++) {
                if (rng.nextDouble() >= p) {
                    continue;
                }
                Optional<Alias> replacement = replacementFor(group.get(k), group, rng);
                if (replacement.isPresent()) {
                    group = replace(group, k, replacement.get());
                }
            }
            for (int k = 0; k < indexes.size(); k++) {
                out[indexes.get(k)] = group.get(k);
            }
        }
        return List.of(out);
    }

    /**
     * Evaluation: for every pair, the same pair in its sentence with only its own target replaced by an actor
     * that the sentence does not involve; empty where no such replacement exists.
     */
    public List<Optional<StanceExample>> swapEach(List<StanceExample> examples, long seed) {
        Map<String, List<Integer>> bySentence = bySentence(examples);
        List<Optional<StanceExample>> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            out.add(Optional.empty());
        }
        for (List<Integer> indexes : bySentence.values()) {
            List<StanceExample> group = indexes.stream().map(examples::get).toList();
            for (int k = 0; k < group.size(); k++) {
                Random rng = new Random(seedFor(seed, group.get(k).sentence() + '\u0000' + group.get(k).target()));
                Optional<Alias> replacement = replacementFor(group.get(k), group, rng);
                if (replacement.isPresent()) {
                    out.set(indexes.get(k), Optional.of(replace(group, k, replacement.get()).get(k)));
                }
            }
        }
        return out;
    }

    /**
     * The alias to put in place of {@code pair}'s target: an alias of the same alias kind of an actor of the same
     * actor kind that is neither labelled in the sentence nor named in it. Empty when the pair has no known
     * actor or alias kind, or no candidate exists.
     */
    Optional<Alias> replacementFor(StanceExample pair, List<StanceExample> sentencePairs, Random rng) {
        Optional<Actor> actor = pair.actor().flatMap(dictionary::actor);
        Optional<AliasKind> kind = aliasKind(pair);
        if (actor.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        String sentence = pair.sentence();
        String mention = pair.mention();
        Set<String> involved = sentencePairs.stream().flatMap(e -> e.actor().stream()).collect(Collectors.toSet());
        boolean afterThe = sentence.substring(0, pair.target().start()).toLowerCase(Locale.ROOT).endsWith("the ");
        boolean plural = kind.get() == AliasKind.DEMONYM && mention.endsWith("s");
        String lowerSentence = sentence.toLowerCase(Locale.ROOT);
        List<Alias> candidates = new ArrayList<>();
        for (Actor other : actors) {
            if (other.id().equals(actor.get().id()) || involved.contains(other.id())
                    || !other.kind().equals(actor.get().kind()) || namedIn(lowerSentence, other)) {
                continue;
            }
            for (Alias alias : aliases.get(other.id())) {
                String text = alias.text();
                // Historical names ("Serbia and Montenegro") only for people, whose aliases all carry years.
                boolean current = alias.years().isBlank() || kind.get().isPerson();
                if (alias.kind() == kind.get() && current && usable(text) && text.endsWith("s") == plural
                        && TAKES_THE.matcher(text).find() == afterThe) {
                    candidates.add(alias);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(rng.nextInt(candidates.size())));
    }

    /**
     * The pairs of one sentence with the target of pair {@code index} replaced by {@code replacement}: the new
     * sentence for all of them, that target's span on the replacement, every later span moved by the length
     * difference, labels kept; the swapped pair names the new actor and its id gets a {@code ~swap} suffix.
     */
    static List<StanceExample> replace(List<StanceExample> sentencePairs, int index, Alias alias) {
        String replacement = alias.text();
        StanceExample swapped = sentencePairs.get(index);
        Span old = swapped.target();
        String sentence = swapped.sentence();
        String text = sentence.substring(0, old.start()) + replacement + sentence.substring(old.end());
        int delta = replacement.length() - old.length();
        List<StanceExample> out = new ArrayList<>();
        for (int k = 0; k < sentencePairs.size(); k++) {
            StanceExample e = sentencePairs.get(k);
            Span span;
            if (k == index) {
                span = new Span(old.start(), old.start() + replacement.length());
            } else if (e.target().start() >= old.end()) {
                span = e.target().shift(delta);
            } else if (e.target().end() <= old.start()) {
                span = e.target();
            } else {
                throw new IllegalArgumentException(e.source() + ": target " + e.target() + " overlaps the swapped "
                        + "target " + old);
            }
            out.add(new StanceExample(k == index ? e.id() + "~swap" : e.id(), e.sentenceId(), text, span,
                    k == index ? Optional.of(alias.actorId()) : e.actor(), e.aliasKind(), e.stance(), e.sentiment(), e.split(), e.source()));
        }
        return out;
    }

    /** The pair's alias kind as labelled, or as the dictionary gives it for the mention's text. */
    private Optional<AliasKind> aliasKind(StanceExample pair) {
        Optional<AliasKind> labelled = AliasKind.parse(pair.aliasKind());
        if (labelled.isPresent()) {
            return labelled;
        }
        String mention = pair.mention();
        return pair.actor().stream().flatMap(a -> aliases.getOrDefault(a, List.of()).stream())
                .filter(a -> a.text().equalsIgnoreCase(mention)).map(Alias::kind).findFirst();
    }

    private boolean namedIn(String lowerSentence, Actor actor) {
        for (Alias alias : aliases.get(actor.id())) {
            String a = alias.text().toLowerCase(Locale.ROOT);
            int at = lowerSentence.indexOf(a);
            if (a.length() >= 3 && at >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Aliases a writer would put in a sentence: capitalised, not a bare backreference, not a pronoun-like form. */
    private static boolean usable(String alias) {
        return alias.length() >= 2 && (Character.isUpperCase(alias.charAt(0)) || Character.isDigit(alias.charAt(0)))
                && !alias.startsWith("The ");
    }

    private static Map<String, List<Integer>> bySentence(List<StanceExample> examples) {
        Map<String, List<Integer>> bySentence = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            StanceExample e = examples.get(i);
            bySentence.computeIfAbsent(e.sentenceId() + '\u0000' + e.sentence(), k -> new ArrayList<>()).add(i);
        }
        // Targets in text order, so that each swap moves only the spans after it.
        bySentence.values().forEach(ix -> ix.sort(Comparator.comparing(i -> examples.get(i).target())));
        return bySentence;
    }

    /** The first 64 bits of the seeded hash the dev carve uses: a per-sentence seed independent of input order. */
    private static long seedFor(long seed, String key) {
        return Long.parseUnsignedLong(DevCarve.hash(seed, key).substring(0, 16), 16);
    }
}
