package org.qasite.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** View helpers used by the templates. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** "3 minutes ago", "yesterday", "2 years ago". */
    public static String ago(Instant time) {
        return ago(time, Instant.now());
    }

    static String ago(Instant time, Instant now) {
        long seconds = Math.max(0, Duration.between(time, now).toSeconds());
        if (seconds < 45) {
            return "just now";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours < 24) {
            return plural(hours, "hour");
        }
        long days = Math.round(seconds / 86400.0);
        if (days == 1) {
            return "yesterday";
        }
        if (days < 30) {
            return plural(days, "day");
        }
        if (days < 365) {
            return plural(Math.max(1, Math.round(days / 30.4)), "month");
        }
        return plural(Math.round(days / 365.25), "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }

    /** The exact time, shown on hover. */
    public static String exact(Instant time) {
        return EXACT.format(time);
    }

    /** ISO-8601 for the datetime attribute. */
    public static String iso(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /** A name as one segment of a path: "c#" becomes "c%23", so the link does not stop at the '#'. */
    public static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "+3", "0", "−2": a score with its sign. */
    public static String signed(int score) {
        return score > 0 ? "+" + score : score < 0 ? "\u2212" + (-score) : "0";
    }

    public static String plural(int n, String singular, String pluralForm) {
        return n + " " + (n == 1 ? singular : pluralForm);
    }

    /** "1,234": a count with thousands separated. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "950", "1.2k", "34k", "5.6m": a count short enough for the question lists. */
    public static String compact(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return shorten(n, 1000) + "k";
        }
        return shorten(n, 1_000_000) + "m";
    }

    private static String shorten(long n, long unit) {
        // one decimal below 10 units ("1.2k"), none above ("34k"); always rounded down, never overstating
        return n < 10 * unit ? (n / unit) + (n % unit >= unit / 10 ? "." + (n % unit) * 10 / unit : "")
                : Long.toString(n / unit);
    }
}
