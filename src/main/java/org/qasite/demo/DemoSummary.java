package org.qasite.demo;

import java.util.Locale;

import org.qasite.demo.DemoDataFiller.Result;
import org.qasite.demo.DemoDataFiller.TableResult;

/** The plain-text table of a demo run's rows and timings per table, as fill-db prints it. */
final class DemoSummary {

    private DemoSummary() {
    }

    static String table(Result result) {
        StringBuilder out = new StringBuilder();
        String format = "%-16s %13s %9s %12s%n";
        out.append(String.format(Locale.ROOT, format, "table", "rows", "seconds", "rows/s"));
        out.append(String.format(Locale.ROOT, format, "(plan in memory)", "", seconds(result.planSeconds()), ""));
        for (TableResult table : result.tables()) {
            out.append(String.format(Locale.ROOT, format, table.table(), count(table.rows()), seconds(table.seconds()),
                    count(Math.round(table.rows() / Math.max(table.seconds(), 1e-3)))));
        }
        out.append(String.format(Locale.ROOT, format, "(accepted)", count(result.acceptedAnswers()), "", ""));
        out.append(String.format(Locale.ROOT, format, "(analyze)", "", seconds(result.analyzeSeconds()), ""));
        out.append(String.format(Locale.ROOT, format, "total", count(result.rows()), seconds(result.seconds()),
                count(Math.round(result.rows() / Math.max(result.seconds(), 1e-3)))));
        return out.toString();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
