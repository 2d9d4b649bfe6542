package org.qasite.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place with a carriage return. It is redrawn at most a few times a
 * second, so counting a row costs an increment and, once in a while, a clock read.
 */
final class Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDraw;

    Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
        draw();
    }

    void step() {
        // Reading the clock for every row would cost more than writing the row.
        if ((++done & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS) {
                draw();
            }
        }
    }

    /** Draws the final state and ends the line; returns the seconds since the bar was created. */
    double finish() {
        draw();
        out.print('\n');
        out.flush();
        return seconds();
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void draw() {
        lastDraw = System.nanoTime();
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) (fraction * WIDTH);
        out.print(String.format(Locale.ROOT, "\r%-14s [%s%s] %3d%% %,13d/%,d %6.1f s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), (int) (fraction * 100), done, total, seconds()));
        out.flush();
    }
}
