package org.qasite.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The throughput series laid out as bar charts for inline SVG: one row of per-minute bars per series, all on the same
 * scale so that "published" and each group's work can be compared at a glance. Computed on the server, so the page
 * needs no script.
 */
public record ThroughputChart(int width, int height, long scale, String from, String to, String summary,
        List<Row> rows) {

    /** One series: its bars and the sentence that describes it to a screen reader. */
    public record Row(String name, long total, long peak, String label, List<Bar> bars) {
    }

    /** One minute's bar, in the coordinates of the SVG's view box. */
    public record Bar(int x, int y, int width, int height, String title) {
    }

    static final int SLOT = 10;
    static final int HEIGHT = 60;

    /** Where the base line runs: just below the bars, which end one unit above the bottom. */
    public double baseline() {
        return height - 0.5;
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static ThroughputChart of(StreamDashboard.Throughput throughput) {
        int minutes = throughput.minutes();
        long scale = Math.max(1, throughput.series().stream().mapToLong(StreamDashboard.Series::peak).max().orElse(0));
        List<Row> rows = new ArrayList<>();
        for (StreamDashboard.Series series : throughput.series()) {
            List<Bar> bars = new ArrayList<>();
            int peakMinute = -1;
            for (int i = 0; i < series.perMinute().size(); i++) {
                long n = series.perMinute().get(i);
                if (n > 0 && (peakMinute < 0 || n > series.perMinute().get(peakMinute))) {
                    peakMinute = i;
                }
                if (n == 0) {
                    continue; // the base line shows the empty minutes
                }
                // At least a pixel, so that a single entry in a busy hour is still seen.
                int h = (int) Math.max(1, Math.round((double) n * (HEIGHT - 2) / scale));
                bars.add(new Bar(i * SLOT + 1, HEIGHT - 1 - h, SLOT - 2, h,
                        minute(throughput, i) + " UTC: " + n + (n == 1 ? " entry" : " entries")));
            }
            String label = series.name() + ": " + series.total() + (series.total() == 1 ? " entry" : " entries")
                    + " in the last " + minutes + " minutes"
                    + (peakMinute < 0 ? "."
                            : ", at most " + series.peak() + " in one minute (" + minute(throughput, peakMinute)
                                    + " UTC).");
            rows.add(new Row(series.name(), series.total(), series.peak(), label, bars));
        }
        String summary = "Entries per minute over the last " + minutes + " minutes, from "
                + minute(throughput, 0) + " to " + minute(throughput, minutes - 1) + " UTC: published on the stream, "
                + "and handled by each consumer group. All rows share one scale; the tallest bar is " + scale
                + " a minute.";
        return new ThroughputChart(minutes * SLOT, HEIGHT, scale, minute(throughput, 0),
                minute(throughput, minutes - 1), summary, rows);
    }

    private static String minute(StreamDashboard.Throughput throughput, int index) {
        Instant start = throughput.firstMinute().plusSeconds(60L * index);
        return MINUTE.format(start);
    }
}
