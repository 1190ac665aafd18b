package io.newsstance.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log stream for {@link io.newsstance.training.StanceTrainer} that notes when each "stance epoch N: loss …"
 * line arrives, so the time of every epoch but the first can be read off without touching the trainer. The
 * first epoch has no start mark (it also carries the network's initialisation) and is never counted.
 */
final class EpochClock extends OutputStream {

    private static final Pattern EPOCH_DONE = Pattern.compile("^stance epoch (\\d+): loss");

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Long> marks = new ArrayList<>();

    PrintStream stream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            Matcher m = EPOCH_DONE.matcher(line.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                marks.add(System.nanoTime());
            }
            line.reset();
        } else if (line.size() < 4096) {
            line.write(b);
        }
    }

    /** Seconds of epochs 2, 3, … (each from the previous epoch's end to its own). */
    synchronized List<Double> epochSeconds() {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < marks.size(); i++) {
            out.add((marks.get(i) - marks.get(i - 1)) / 1e9);
        }
        return out;
    }
}
