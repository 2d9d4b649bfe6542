package org.qasite.admin;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qasite.text.i18n.AdminMsg;

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

    /**
     * The chart's sentences: English by default (and in unit tests, without the application), or a reader's language
     * from the admin bundle.
     */
    interface Words {

        String bar(String minute, long n);

        String row(String name, long total, int minutes);

        String rowPeak(String name, long total, int minutes, long peak, String minute);

        String summary(int minutes, String from, String to, long scale);

        Words ENGLISH = new Words() {
            @Override
            public String bar(String minute, long n) {
                return minute + " UTC: " + n + entries(n);
            }

            @Override
            public String row(String name, long total, int minutes) {
                return name + ": " + total + entries(total) + " in the last " + minutes + " minutes.";
            }

            @Override
            public String rowPeak(String name, long total, int minutes, long peak, String minute) {
                return name + ": " + total + entries(total) + " in the last " + minutes + " minutes, at most " + peak
                        + " in one minute (" + minute + " UTC).";
            }

            @Override
            public String summary(int minutes, String from, String to, long scale) {
                return "Entries per minute over the last " + minutes + " minutes, from " + from + " to " + to
                        + " UTC: published on the stream, and handled by each consumer group. All rows share one scale;"
                        + " the tallest bar is " + scale + " a minute.";
            }

            private static String entries(long n) {
                return n == 1 ? " entry" : " entries";
            }
        };

        /** The sentences of the admin bundle, numbers written as the locale writes them ("1 234"). */
        static Words of(AdminMsg words, Locale locale) {
            NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
            return new Words() {
                @Override
                public String bar(String minute, long n) {
                    return words.chart_bar(minute, numbers.format(n), n);
                }

                @Override
                public String row(String name, long total, int minutes) {
                    return words.chart_row(name, numbers.format(total), total, minutes);
                }

                @Override
                public String rowPeak(String name, long total, int minutes, long peak, String minute) {
                    return words.chart_row_peak(name, numbers.format(total), total, minutes, numbers.format(peak),
                            minute);
                }

                @Override
                public String summary(int minutes, String from, String to, long scale) {
                    return words.chart_summary(minutes, from, to, numbers.format(scale));
                }
            };
        }
    }

    static ThroughputChart of(StreamDashboard.Throughput throughput) {
        return of(throughput, Words.ENGLISH);
    }

    static ThroughputChart of(StreamDashboard.Throughput throughput, Words words) {
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
                bars.add(new Bar(i * SLOT + 1, HEIGHT - 1 - h, SLOT - 2, h, words.bar(minute(throughput, i), n)));
            }
            String label = peakMinute < 0 ? words.row(series.name(), series.total(), minutes)
                    : words.rowPeak(series.name(), series.total(), minutes, series.peak(),
                            minute(throughput, peakMinute));
            rows.add(new Row(series.name(), series.total(), series.peak(), label, bars));
        }
        String summary = words.summary(minutes, minute(throughput, 0), minute(throughput, minutes - 1), scale);
        return new ThroughputChart(minutes * SLOT, HEIGHT, scale, minute(throughput, 0),
                minute(throughput, minutes - 1), summary, rows);
    }

    private static String minute(StreamDashboard.Throughput throughput, int index) {
        Instant start = throughput.firstMinute().plusSeconds(60L * index);
        return MINUTE.format(start);
    }
}
