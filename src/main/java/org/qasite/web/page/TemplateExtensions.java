package org.qasite.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Msg;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * View helpers used by the templates. Times and counts come in the template's locale (the reader's, see
 * org.qasite.web.i18n.ReaderLocale); the methods without a locale are English, for code outside a template.
 */
public class TemplateExtensions {

    private static final DateTimeFormatter EXACT_ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<Locale, DateTimeFormatter> EXACT = new ConcurrentHashMap<>();

    /** "3 minutes ago", "yesterday", "2 years ago", in English (for code outside a template). */
    public static String ago(Instant time) {
        return ago(time, Instant.now());
    }

    /** "3 minutes ago", "3 минуты назад": in the template's language. */
    @TemplateExtension
    public static String ago(Instant time, @TemplateAttribute("locale") Object locale) {
        return ago(time, Instant.now(), Messages.of(SiteLocales.from(locale)));
    }

    static String ago(Instant time, Instant now) {
        Elapsed e = Elapsed.between(time, now);
        return switch (e.unit) {
            case NOW -> "just now";
            case YESTERDAY -> "yesterday";
            default -> e.n + " " + e.unit.name().toLowerCase(Locale.ROOT) + (e.n == 1 ? "" : "s") + " ago";
        };
    }

    static String ago(Instant time, Instant now, Msg msg) {
        Elapsed e = Elapsed.between(time, now);
        return switch (e.unit) {
            case NOW -> msg.ago_now();
            case MINUTE -> msg.ago_minutes(e.n);
            case HOUR -> msg.ago_hours(e.n);
            case YESTERDAY -> msg.ago_yesterday();
            case DAY -> msg.ago_days(e.n);
            case MONTH -> msg.ago_months(e.n);
            case YEAR -> msg.ago_years(e.n);
        };
    }

    /** How long ago, in the unit a reader counts it in: "3 minutes", not "187 seconds". */
    private record Elapsed(Unit unit, long n) {
        enum Unit {
            NOW,
            MINUTE,
            HOUR,
            YESTERDAY,
            DAY,
            MONTH,
            YEAR
        }

        static Elapsed between(Instant time, Instant now) {
            long seconds = Math.max(0, Duration.between(time, now).toSeconds());
            if (seconds < 45) {
                return new Elapsed(Unit.NOW, 0);
            }
            long minutes = Math.round(seconds / 60.0);
            if (minutes < 60) {
                return new Elapsed(Unit.MINUTE, minutes);
            }
            long hours = Math.round(seconds / 3600.0);
            if (hours < 24) {
                return new Elapsed(Unit.HOUR, hours);
            }
            long days = Math.round(seconds / 86400.0);
            if (days == 1) {
                return new Elapsed(Unit.YESTERDAY, 1);
            }
            if (days < 30) {
                return new Elapsed(Unit.DAY, days);
            }
            if (days < 365) {
                return new Elapsed(Unit.MONTH, Math.max(1, Math.round(days / 30.4)));
            }
            return new Elapsed(Unit.YEAR, Math.round(days / 365.25));
        }
    }

    /** The exact time, shown on hover, in English (for code outside a template). */
    public static String exact(Instant time) {
        return EXACT_ENGLISH.format(time);
    }

    /** The exact time, shown on hover: "2026-11-22 12:00:00 UTC", "22 ноября 2026 г., 12:00:00 UTC". */
    @TemplateExtension
    public static String exact(Instant time, @TemplateAttribute("locale") Object locale) {
        Locale site = SiteLocales.from(locale);
        return EXACT.computeIfAbsent(site, l -> DateTimeFormatter.ofPattern(Messages.of(l).exact_pattern(), l)
                .withZone(ZoneOffset.UTC)).format(time);
    }

    /** ISO-8601 for the datetime attribute. */
    @TemplateExtension
    public static String iso(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /** A name as one segment of a path: "c#" becomes "c%23", so the link does not stop at the '#'. */
    @TemplateExtension
    public static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "+3", "0", "−2": a score with its sign. */
    @TemplateExtension
    public static String signed(int score) {
        return score > 0 ? "+" + score : score < 0 ? "\u2212" + (-score) : "0";
    }

    @TemplateExtension
    public static String plural(int n, String singular, String pluralForm) {
        return n + " " + (n == 1 ? singular : pluralForm);
    }

    /** "1,234": a count with thousands separated, in English. */
    public static String grouped(long n) {
        // By hand: String.format parses its pattern on every call, and the question page shows a few counts.
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        int first = sign + (length % 3 == 0 ? 3 : length % 3);
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** "1,234", "1 234": a count with thousands separated as the reader's language does. */
    @TemplateExtension
    public static String grouped(long n, @TemplateAttribute("locale") Object locale) {
        Locale site = SiteLocales.from(locale);
        return site.equals(SiteLocales.ENGLISH) ? grouped(n) : NumberFormat.getIntegerInstance(site).format(n);
    }

    /** "950", "1.2k", "34k", "5.6m": a count short enough for the question lists, in English. */
    public static String compact(long n) {
        return compact(n, ".", "k", "m");
    }

    /** "1.2k" in English, "1,2 тыс." in Russian. */
    @TemplateExtension
    public static String compact(long n, @TemplateAttribute("locale") Object locale) {
        return SiteLocales.isRussian(locale) ? compact(n, ",", "\u00a0тыс.", "\u00a0млн") : compact(n);
    }

    private static String compact(long n, String point, String thousands, String millions) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return shorten(n, 1000, point) + thousands;
        }
        return shorten(n, 1_000_000, point) + millions;
    }

    private static String shorten(long n, long unit, String point) {
        // one decimal below 10 units ("1.2k"), none above ("34k"); always rounded down, never overstating
        return n < 10 * unit ? (n / unit) + (n % unit >= unit / 10 ? point + (n % unit) * 10 / unit : "")
                : Long.toString(n / unit);
    }
}
