package dev.loyalty.examples.pos;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with a carriage return, such as
 * {@code [##########----------]  50%  7,648 / 15,296 events}. It redraws only when the shown
 * percentage changes, so a long replay writes a hundred updates at most.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final long total;
    private final String unit;
    private int shownPercent = -1;

    ProgressBar(PrintWriter out, long total, String unit) {
        this.out = out;
        this.total = Math.max(1, total);
        this.unit = unit;
    }

    /** Shows how far the work is. */
    void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r[%s%s] %3d%%  %,d / %,d %s", "#".repeat(filled), "-".repeat(WIDTH - filled), percent, done, total, unit);
        out.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        out.println();
        out.flush();
    }
}
