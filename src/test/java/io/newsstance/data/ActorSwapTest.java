package io.newsstance.data;

import io.newsstance.actors.ActorDictionary;
import io.newsstance.actors.Alias;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swap augmentation and the swap check, as properties over the whole shipped corpus. */
class ActorSwapTest {

    private static final ActorDictionary DICTIONARY = ActorDictionary.loadDefault();
    private static List<StanceExample> corpus;

    @BeforeAll
    static void readCorpus() {
        corpus = new TrainingDataReader().readAll(List.of(Path.of("training-data/stance-train.csv"),
                Path.of("training-data/stance-dev.csv"), Path.of("training-data/stance-test.csv")));
    }

    @Test
    void everySwappedSentenceKeepsExactOffsetsForEveryTarget() {
        List<StanceExample> swapped = new ActorSwap(DICTIONARY).augment(corpus, 1.0, 42);
        assertEquals(corpus.size(), swapped.size());
        Map<String, List<Integer>> bySentence = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            bySentence.computeIfAbsent(corpus.get(i).sentenceId(), k -> new java.util.ArrayList<>()).add(i);
        }
        int changed = 0;
        for (List<Integer> group : bySentence.values()) {
            Set<String> texts = group.stream().map(i -> swapped.get(i).sentence()).collect(Collectors.toSet());
            assertEquals(1, texts.size(), "all pairs of a sentence share the swapped text");
            for (int i : group) {
                StanceExample before = corpus.get(i);
                StanceExample after = swapped.get(i);
                assertEquals(before.stance(), after.stance(), "label kept");
                String mention = after.sentence().substring(after.target().start(), after.target().end());
                if (after.id().endsWith("~swap")) {
                    changed++;
                    String actor = after.actor().orElseThrow();
                    assertNotEquals(before.actor().orElseThrow(), actor);
                    Optional<Alias> alias = DICTIONARY.aliasesOf(actor).stream()
                            .filter(a -> a.text().equals(mention)).findFirst();
                    assertTrue(alias.isPresent(), after.id() + ": '" + mention + "' is an alias of " + actor);
                    assertEquals(before.aliasKind(), alias.get().kind().csvName(), after.id() + ": same alias kind");
                    assertEquals(DICTIONARY.actor(before.actor().orElseThrow()).orElseThrow().kind(),
                            DICTIONARY.actor(actor).orElseThrow().kind(), after.id() + ": same actor kind");
                } else {
                    assertEquals(before.mention(), mention, after.id() + ": unswapped target keeps its text");
                }
            }
        }
        assertTrue(changed > corpus.size() * 0.8, "most pairs have a same-kind replacement: " + changed);
    }

    @Test
    void augmentationIsSeededAndFollowsTheProbability() {
        ActorSwap swap = new ActorSwap(DICTIONARY);
        List<StanceExample> a = swap.augment(corpus, 0.3, 7);
        assertEquals(a, swap.augment(corpus, 0.3, 7), "same seed, same data: same result");
        assertNotEquals(a, swap.augment(corpus, 0.3, 8));
        long changed = a.stream().filter(e -> e.id().endsWith("~swap")).count();
        assertTrue(changed > corpus.size() * 0.2 && changed < corpus.size() * 0.35, "about 30%: " + changed);
        assertEquals(corpus, swap.augment(corpus, 0.0, 7), "p = 0 changes nothing");
    }

    @Test
    void aRepeatedFilesCopiesDrawTheirOwnSwapsAndLeaveTheOriginalsAsTheyWere() {
        ActorSwap swap = new ActorSwap(DICTIONARY);
        List<StanceExample> first = corpus.subList(0, 600);
        List<StanceExample> original = swap.augment(first, 0.5, Repeats.swapSeed(42, 1));
        assertEquals(swap.augment(first, 0.5, 42), original, "the file itself swaps as without copies");
        List<StanceExample> copy = swap.augment(Repeats.copy(first, 2), 0.5, Repeats.swapSeed(42, 2));
        assertEquals(first.size(), copy.size());
        int differ = 0;
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).stance(), copy.get(i).stance(), "labels kept");
            assertTrue(copy.get(i).sentenceId().startsWith(first.get(i).sentenceId() + "~copy2"), copy.get(i).sentenceId());
            if (!copy.get(i).sentence().equals(original.get(i).sentence())) {
                differ++;
            }
        }
        assertTrue(differ > first.size() / 4, "a copy is swapped independently of the original: " + differ);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Repeats.copy(first, 1));
    }

    @Test
    void swapCheckReplacesOnlyTheTargetByAnUninvolvedActor() {
        List<Optional<StanceExample>> swaps = new ActorSwap(DICTIONARY).swapEach(corpus, 42);
        int present = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (swaps.get(i).isEmpty()) {
                continue;
            }
            present++;
            StanceExample before = corpus.get(i);
            StanceExample after = swaps.get(i).get();
            String actor = after.actor().orElseThrow();
            Set<String> involved = corpus.stream().filter(e -> e.sentenceId().equals(before.sentenceId()))
                    .flatMap(e -> e.actor().stream()).collect(Collectors.toSet());
            assertTrue(!involved.contains(actor), after.id() + ": " + actor + " is not in the sentence");
            assertEquals(before.sentence().substring(0, before.target().start()),
                    after.sentence().substring(0, after.target().start()), "text before the target unchanged");
            assertEquals(before.sentence().substring(before.target().end()),
                    after.sentence().substring(after.target().end()), "text after the target unchanged");
            if (i > 2000) {
                break;
            }
        }
        assertTrue(present > 1500, "swaps found: " + present);
    }
}
