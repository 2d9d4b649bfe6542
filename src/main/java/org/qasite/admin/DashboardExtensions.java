package org.qasite.admin;

import org.qasite.text.i18n.AdminMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** How the dashboard writes spans of time kept in milliseconds. */
class DashboardExtensions {

    /** The unit names, "ms" … "d" in English, "мс" … "д" in Russian. */
    record Units(String ms, String s, String min, String h, String d) {

        static final Units ENGLISH = new Units("ms", "s", "min", "h", "d");

        static Units of(AdminMsg words) {
            return new Units(words.unit_ms(), words.unit_s(), words.unit_min(), words.unit_h(), words.unit_d());
        }
    }

    /** A span in the template's language. */
    @TemplateExtension
    static String asDuration(long millis, @TemplateAttribute("locale") Object locale) {
        return asDuration(millis, Units.of(Messages.bundle(AdminMsg.class, SiteLocales.from(locale))));
    }

    /** In English, outside a template. */
    static String asDuration(long millis) {
        return asDuration(millis, Units.ENGLISH);
    }

    /** "850 ms", "42 s", "3 min 20 s", "5 h 12 min", "2 d 3 h": two units at most, enough to judge a backlog. */
    static String asDuration(long millis, Units u) {
        if (millis < 1000) {
            return Math.max(0, millis) + " " + u.ms();
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " " + u.s();
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " " + u.min() + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " " + u.s());
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " " + u.h() + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " " + u.min());
        }
        long days = hours / 24;
        return days + " " + u.d() + (hours % 24 == 0 ? "" : " " + hours % 24 + " " + u.h());
    }
}
