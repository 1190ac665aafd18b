package io.newsstance.finetune;

import io.newsstance.io.AtomicFile;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuning run's state on disk: the step reached, dev scores so far, the best epoch's weights, the current
 * weights and AdamW's moments. Written atomically (a killed run leaves the previous checkpoint intact); read
 * back only by a run with the same fingerprint (settings and examples).
 */
final class Checkpoint {

    private static final int MAGIC = 0x4E534350; // "NSCP"
    /** 2 since the state records its training seconds (a version-1 checkpoint is not resumed). */
    private static final int VERSION = 2;

    /**
     * @param step       steps done
     * @param devMacroF1 dev macro-F1 after each finished epoch
     * @param bestEpoch  1-based epoch with the best dev macro-F1 so far, -1 before the first
     * @param best       that epoch's trainable weights, null before the first
     * @param seconds    seconds spent on training steps and dev evaluation to reach this state, over every run
     *                   that took part (so a resumed run's card gives the whole training time)
     */
    record State(long step, List<Double> devMacroF1, int bestEpoch, Map<String, INDArray> best, double seconds) {
    }

    private Checkpoint() {
    }

    static void write(Path file, String fingerprint, State state, TargetStanceGraph graph, AdamW adam) {
        AtomicFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(fingerprint);
            out.writeLong(state.step());
            out.writeLong(adam.steps());
            out.writeInt(state.devMacroF1().size());
            for (double f : state.devMacroF1()) {
                out.writeDouble(f);
            }
            out.writeInt(state.bestEpoch());
            out.writeDouble(state.seconds());
            Map<String, INDArray> current = new LinkedHashMap<>();
            for (String name : graph.trainableWeights()) {
                current.put(name, graph.weight(name));
            }
            writeArrays(out, current);
            writeArrays(out, adam.firstMoments());
            writeArrays(out, adam.secondMoments());
            writeArrays(out, state.best() == null ? Map.of() : state.best());
            out.flush();
        });
    }

    /**
     * Restores the graph's weights and the optimiser from {@code file} and returns the state, or null when there
     * is no checkpoint or it belongs to another run (then it is left alone and training starts afresh).
     */
    static State read(Path file, String fingerprint, TargetStanceGraph graph, AdamW adam) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(fingerprint)) {
                return null;
            }
            long step = in.readLong();
            long adamSteps = in.readLong();
            int epochs = in.readInt();
            List<Double> history = new ArrayList<>();
            for (int i = 0; i < epochs; i++) {
                history.add(in.readDouble());
            }
            int bestEpoch = in.readInt();
            double seconds = in.readDouble();
            Map<String, INDArray> current = readArrays(in);
            Map<String, INDArray> first = readArrays(in);
            Map<String, INDArray> second = readArrays(in);
            Map<String, INDArray> best = readArrays(in);
            for (String name : graph.trainableWeights()) {
                INDArray value = current.get(name);
                if (value == null) {
                    return null;
                }
                graph.weight(name).assign(value);
            }
            adam.restore(adamSteps, first, second);
            return new State(step, history, bestEpoch, best.isEmpty() ? null : best, seconds);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + ": unreadable fine-tuning checkpoint (" + e.getMessage()
                    + "); delete it to start afresh", e);
        }
    }

    private static void writeArrays(DataOutputStream out, Map<String, INDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            Nd4j.write(e.getValue(), out);
        }
    }

    private static Map<String, INDArray> readArrays(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            arrays.put(name, Nd4j.read(in));
        }
        return arrays;
    }
}
