package org.qasite.text.i18n;

import io.quarkus.qute.TemplateExtension;

/** Plural forms the message files choose with, where a language has more than English's two. */
public final class Plurals {

    private Plurals() {
    }

    /**
     * The Russian form for a count: {@code one} for 1, 21, 101 (1 ответ), {@code few} for 2–4, 22–24 (2 ответа),
     * {@code many} for 0, 5–20, 25–30, 111–114 (5 ответов).
     */
    @TemplateExtension
    public static String ruForm(int n, String one, String few, String many) {
        return ruForm((long) n, one, few, many);
    }

    @TemplateExtension
    public static String ruForm(long n, String one, String few, String many) {
        long abs = Math.abs(n);
        long lastTwo = abs % 100;
        long last = abs % 10;
        if (last == 1 && lastTwo != 11) {
            return one;
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return few;
        }
        return many;
    }
}
