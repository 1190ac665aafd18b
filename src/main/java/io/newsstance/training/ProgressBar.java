package io.newsstance.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for long steps on stderr: redrawn in place on a terminal, printed as occasional
 * lines otherwise (logs, CI), with the rate and an ETA.
 */
public final class ProgressBar {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.interactive = System.console() != null;
    }

    public void update(long done, String extra) {
        long now = System.nanoTime();
        int percent = (int) (100 * Math.min(done, total) / total);
        boolean due = interactive ? now - lastDraw > 200_000_000L : percent / 25 != lastPercent / 25;
        if (!due && done < total) {
            return;
        }
        lastDraw = now;
        lastPercent = percent;
        double seconds = (now - started) / 1e9;
        double eta = done == 0 ? 0 : seconds * (total - done) / done;
        int width = 24;
        int filled = (int) (width * Math.min(done, total) / total);
        String bar = "=".repeat(filled) + (filled < width ? ">" : "") + " ".repeat(Math.max(0, width - filled - 1));
        String line = String.format(Locale.ROOT, "%s [%s] %3d%% %s ETA %s", label, bar, percent,
                extra == null ? "" : extra, formatDuration(eta));
        if (interactive) {
            out.print("\r" + line + "   ");
            if (done >= total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
