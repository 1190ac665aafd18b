package io.newsstance.finetune;

import io.newsstance.data.DyadExample;
import io.newsstance.data.DyadFileReader;
import io.newsstance.data.StanceExample;
import io.newsstance.data.TrainingDataReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fine-tuning with the auxiliary dyad objective, on the real encoder's top layer, slices of the team corpus and
 * of the team dyad file: the dyad loss is learnt, reaches the encoder, and a run with it never resumes a
 * checkpoint of a run without it.
 */
class DyadObjectiveTest {

    private static final FineTuneSettings SETTINGS = new FineTuneSettings(4, 6, 11, 1e-4, 3e-3, 0.2, 0.01, 1, 16,
            0.9, 1000, TargetInput.SENTENCE);
    private static List<StanceExample> train;
    private static List<StanceExample> dev;
    private static List<DyadExample> dyads;

    @TempDir
    static Path dir;

    @BeforeAll
    static void read() {
        List<StanceExample> all = new TrainingDataReader().readAll(List.of(Path.of("training-data/stance-dev.csv")));
        train = all.subList(0, 40);
        dev = all.subList(40, 60);
        dyads = new DyadFileReader().read(Path.of("training-data/dyads-dev.csv")).dyads().subList(0, 60);
    }

    private record Run(FineTuner.Result result, String log) {
    }

    private static Run run(DyadObjective objective, Path checkpoint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        FineTuner.Result result = new FineTuner(SETTINGS, io.newsstance.encoder.BaseEncoder.MINILM_L6, log, checkpoint,
                objective).train(train, dev);
        return new Run(result, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDyadLossFallsReachesTheEncoderAndKeepsItsOwnCheckpoints() {
        Path checkpoint = dir.resolve("tune.checkpoint");
        Run plain = run(null, checkpoint);
        Run joint = run(new DyadObjective(dyads, 1.0, List.of()), checkpoint);
        assertFalse(joint.log().contains("resuming"), "a run with dyads must not resume one without: " + joint.log());

        Matcher m = Pattern.compile("fine-tune epoch \\d+: train loss [0-9.]+, dyad loss ([0-9.]+)").matcher(joint.log());
        List<Double> losses = new java.util.ArrayList<>();
        while (m.find()) {
            losses.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(4, losses.size(), joint.log());
        assertTrue(losses.get(3) < losses.get(0) - 0.05, "the dyad loss is learnt: " + losses);
        assertFalse(plain.log().contains("dyad loss"), plain.log());

        Map<String, Object> note = joint.result().dyadObjective();
        assertEquals(60, ((Number) note.get("pairs")).intValue() + ((Number) note.get("pairs_past_the_wordpiece_cut_left_out")).intValue());
        assertTrue(((Number) note.get("sentences")).intValue() < 60, "pairs of one sentence share its pass: " + note);
        assertTrue(plain.result().dyadObjective().isEmpty());

        float[] withDyads = joint.result().encoder().weights().values().iterator().next();
        float[] without = plain.result().encoder().weights().values().iterator().next();
        assertFalse(Arrays.equals(withDyads, without), "the dyad loss must change the tuned encoder");
        assertEquals(plain.result().headWeights().keySet(), joint.result().headWeights().keySet(),
                "the served stance head has the same weights; the dyad head is not served");
    }

    @Test
    void eachEpochCarriesEveryDyadSentenceBesideTheStanceBatchesOfItsLength() {
        int[] widths = {30, 10, 20, 40};
        int[] lengths = {12, 41, 8, 33, 19, 25, 9};
        List<int[]> a = DyadSchedule.batches(widths, lengths, 7, 0);
        assertEquals(4, a.size());
        Set<Integer> seen = new HashSet<>();
        for (int[] step : a) {
            assertEquals(2, step.length, "ceil(7 / 4) per step");
            Arrays.stream(step).forEach(seen::add);
        }
        assertEquals(7, seen.size(), "every dyad sentence once an epoch");
        int longest = Arrays.stream(a.get(3)).map(i -> lengths[i]).max().orElseThrow();
        int shortest = Arrays.stream(a.get(1)).map(i -> lengths[i]).max().orElseThrow();
        assertTrue(shortest < longest, "short with short, long with long");
        assertEquals(a.stream().map(Arrays::toString).toList(),
                DyadSchedule.batches(widths, lengths, 7, 0).stream().map(Arrays::toString).toList(), "seeded");
        assertTrue(DyadSchedule.batches(widths, new int[0], 7, 0).stream().allMatch(s -> s.length == 0));
        assertThrows(IllegalArgumentException.class, () -> new DyadObjective(dyads, 0, List.of()));
    }
}
