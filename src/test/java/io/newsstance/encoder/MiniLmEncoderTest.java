package io.newsstance.encoder;

import io.newsstance.encoder.EncodedSentence;
import io.newsstance.encoder.EncoderIdentity;
import io.newsstance.encoder.MiniLmEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real fp32 model from the classpath; loaded once per class (~1.5 s). */
class MiniLmEncoderTest {

    private static MiniLmEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = MiniLmEncoder.load();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static EncodedSentence one(String text) {
        return encoder.encode(List.of(text)).get(0);
    }

    private static String covered(EncodedSentence s, int t) {
        return s.text().substring(s.charStart()[t], s.charEnd()[t]);
    }

    @Test
    void statesAreOnePerWordpieceAndOffsetsPointIntoTheText() {
        String text = "On Tuesday, Russia's envoy met Kim.";
        EncodedSentence s = one(text);
        assertEquals(384, encoder.dimension());
        assertEquals(s.length(), s.charStart().length);
        for (float[] state : s.states()) {
            assertEquals(384, state.length);
        }
        int last = s.length() - 1;
        assertEquals(-1, s.charStart()[0]); // [CLS]
        assertEquals(-1, s.charEnd()[last]); // [SEP]
        assertFalse(s.truncated());

        int russia = text.indexOf("Russia's");
        int[] possessive = s.wordpiecesOf(russia, russia + "Russia's".length());
        assertEquals(List.of("Russia", "'", "s"), List.of(covered(s, possessive[0]), covered(s, possessive[1]),
                covered(s, possessive[2])));
        assertEquals(3, possessive.length);
        int[] justRussia = s.wordpiecesOf(russia, russia + "Russia".length());
        assertArrayEquals(new int[] {possessive[0]}, justRussia);
        assertEquals(0, s.wordpiecesOf(russia, russia).length);
    }

    @Test
    void offsetsAreUtf16IndicesEvenAfterAnEmojiOrAccents() {
        String text = "Café 😀 crowds cheered Zelenskyy";
        EncodedSentence s = one(text);
        int at = text.indexOf("Zelenskyy");
        int[] pieces = s.wordpiecesOf(at, at + "Zelenskyy".length());
        assertTrue(pieces.length > 0);
        assertEquals(at, s.charStart()[pieces[0]]);
        assertEquals(at + "Zelenskyy".length(), s.charEnd()[pieces[pieces.length - 1]]);
        assertEquals("Café", covered(s, 1));
    }

    @Test
    void aSentenceGetsTheSameStatesAloneAndInABatch() {
        String target = "The senator praised Germany's decision to send tanks.";
        List<String> batch = List.of(
                "Short one.",
                "A much longer sentence about the talks in Geneva between the two delegations, which ended late.",
                target,
                "Beijing warned Washington.",
                "Officials in Kyiv said the strikes had hit power plants across the east of the country overnight.");
        EncodedSentence alone = one(target);
        List<EncodedSentence> encoded = encoder.encode(batch);
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(batch.get(i), encoded.get(i).text()); // input order, though batches are length-sorted
        }
        EncodedSentence inBatch = encoded.get(2);
        assertEquals(alone.length(), inBatch.length());
        assertArrayEquals(alone.charStart(), inBatch.charStart());
        double maxDiff = 0;
        for (int t = 0; t < alone.length(); t++) {
            for (int d = 0; d < 384; d++) {
                maxDiff = Math.max(maxDiff, Math.abs(alone.states()[t][d] - inBatch.states()[t][d]));
            }
        }
        assertTrue(maxDiff <= 1e-5, "max abs difference " + maxDiff);
    }

    @Test
    void longSentencesAreTruncatedAndTargetsPastTheCutHaveNoWordpieces() {
        StringBuilder b = new StringBuilder("Merkel");
        for (int i = 1; i < 299; i++) {
            b.append(" word");
        }
        b.append(" Macron");
        String text = b.toString();
        EncodedSentence s = one(text);
        assertTrue(s.truncated());
        assertEquals(128, s.length());
        assertEquals(128, encoder.maxWordpieces());
        assertEquals(-1, s.charStart()[127]); // [SEP] survives the cut
        int macron = text.lastIndexOf("Macron");
        assertEquals(0, s.wordpiecesOf(macron, macron + "Macron".length()).length);
        int[] merkel = s.wordpiecesOf(0, "Merkel".length()); // before the cut: mapped (to 1 or more wordpieces)
        assertEquals(1, merkel[0]);
        assertEquals("Merkel".length(), s.charEnd()[merkel[merkel.length - 1]]);
    }

    @Test
    void emptyAndWhitespaceSentencesAreJustClsAndSep() {
        List<EncodedSentence> out = encoder.encode(List.of("", "  \t "));
        for (EncodedSentence s : out) {
            assertEquals(2, s.length());
            assertArrayEquals(new int[] {-1, -1}, s.charStart());
            assertFalse(s.truncated());
        }
        assertEquals(List.of(), encoder.encode(List.of()));
    }

    @Test
    void manySentencesComeBackInInputOrderAcrossChunks() {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 2 * MiniLmEncoder.CHUNK + 5; i++) {
            sentences.add("Sentence " + i + " " + "x ".repeat(i % 7));
        }
        List<EncodedSentence> out = encoder.encode(sentences);
        assertEquals(sentences.size(), out.size());
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(sentences.get(i), out.get(i).text());
        }
    }

    @Test
    void concurrentCallsGiveTheSameStates() throws Exception {
        List<String> sentences = List.of("Moscow rejected the proposal.", "Paris and Berlin welcomed it warmly.");
        List<EncodedSentence> expected = encoder.encode(sentences);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<EncodedSentence>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> encoder.encode(sentences)));
            }
            for (Future<List<EncodedSentence>> f : futures) {
                List<EncodedSentence> got = f.get();
                for (int i = 0; i < sentences.size(); i++) {
                    for (int t = 0; t < expected.get(i).length(); t++) {
                        assertArrayEquals(expected.get(i).states()[t], got.get(i).states()[t], 1e-5f);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void identityIsTheSha256OfTheModelAndStableAcrossLoads() {
        EncoderIdentity first = encoder.identity();
        assertEquals("all-MiniLM-L6-v2-fp32", first.name());
        assertTrue(first.sha256().matches("[0-9a-f]{64}"), first.sha256());
        try (MiniLmEncoder again = MiniLmEncoder.load()) {
            assertEquals(first, again.identity());
        }
    }
}
