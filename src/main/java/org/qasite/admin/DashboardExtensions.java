package org.qasite.admin;

import io.quarkus.qute.TemplateExtension;

/** How the dashboard writes spans of time kept in milliseconds. */
@TemplateExtension
class DashboardExtensions {

    /** "850 ms", "42 s", "3 min 20 s", "5 h 12 min", "2 d 3 h": two units at most, enough to judge a backlog. */
    static String asDuration(long millis) {
        if (millis < 1000) {
            return Math.max(0, millis) + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long days = hours / 24;
        return days + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
