package org.qasite.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThroughputChartTest {

    static StreamDashboard.Series series(String name, List<Long> counts) {
        return new StreamDashboard.Series(name, counts.stream().mapToLong(Long::longValue).sum(),
                counts.stream().mapToLong(Long::longValue).max().orElse(0), counts);
    }

    static List<Long> hour(int minute, long count) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(60, 0L));
        counts.set(minute, count);
        return counts;
    }

    @Test
    void allRowsShareOneScaleAndEmptyMinutesHaveNoBar() {
        StreamDashboard.Throughput throughput = new StreamDashboard.Throughput(60,
                Instant.parse("2026-01-01T11:01:00Z"),
                List.of(series("published", hour(59, 10)), series("mail", hour(0, 5))));
        ThroughputChart chart = ThroughputChart.of(throughput);
        assertEquals(600, chart.width());
        assertEquals(10, chart.scale());
        assertEquals("11:01", chart.from());
        assertEquals("12:00", chart.to());

        ThroughputChart.Row published = chart.rows().get(0);
        assertEquals(1, published.bars().size());
        ThroughputChart.Bar full = published.bars().get(0);
        assertEquals(591, full.x());
        assertEquals(58, full.height());
        assertEquals("12:00 UTC: 10 entries", full.title());
        assertEquals("published: 10 entries in the last 60 minutes, at most 10 in one minute (12:00 UTC).",
                published.label());

        ThroughputChart.Bar half = chart.rows().get(1).bars().get(0);
        assertEquals(1, half.x());
        assertEquals(29, half.height());
        assertEquals(59 - 29, half.y());
    }

    @Test
    void aQuietHourIsSaidInWords() {
        ThroughputChart chart = ThroughputChart.of(new StreamDashboard.Throughput(60,
                Instant.parse("2026-01-01T11:01:00Z"), List.of(series("published", hour(0, 0)))));
        assertEquals(1, chart.scale());
        assertEquals(List.of(), chart.rows().get(0).bars());
        assertEquals("published: 0 entries in the last 60 minutes.", chart.rows().get(0).label());
    }

    @Test
    void aSingleEntryInABusyHourIsStillVisible() {
        List<Long> counts = hour(0, 1000);
        counts.set(1, 1L);
        ThroughputChart chart = ThroughputChart.of(
                new StreamDashboard.Throughput(60, Instant.EPOCH, List.of(series("published", counts))));
        assertEquals(1, chart.rows().get(0).bars().get(1).height());
        assertEquals("00:01 UTC: 1 entry", chart.rows().get(0).bars().get(1).title());
    }

    @Test
    void durationsAreWrittenInTwoUnitsAtMost() {
        assertEquals("850 ms", DashboardExtensions.asDuration(850));
        assertEquals("42 s", DashboardExtensions.asDuration(42_000));
        assertEquals("3 min 20 s", DashboardExtensions.asDuration(200_000));
        assertEquals("5 min", DashboardExtensions.asDuration(300_000));
        assertEquals("5 h 12 min", DashboardExtensions.asDuration((5 * 60 + 12) * 60_000L));
        assertEquals("2 d 3 h", DashboardExtensions.asDuration((51 * 60 + 7) * 60_000L));
    }
}
