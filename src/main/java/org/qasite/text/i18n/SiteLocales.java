package org.qasite.text.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the site is written in, and the choice among them for a browser's Accept-Language. */
public final class SiteLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** English first: the language of a reader who asks for none the site has. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, RUSSIAN);
    /** The values a member's setting may take ("automatic" is none). */
    public static final List<String> TAGS = SUPPORTED.stream().map(Locale::toLanguageTag).toList();

    private SiteLocales() {
    }

    /** The site's language for a tag such as "ru" or "ru-RU", if it has one. */
    public static Optional<Locale> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /**
     * The best of the site's languages for an Accept-Language header, by its weights ("de, ru;q=0.8, en;q=0.5" is
     * Russian), or English when it names none of them or cannot be read.
     */
    public static Locale best(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return found == null ? ENGLISH : found;
        } catch (IllegalArgumentException e) {
            return ENGLISH; // a header no browser sends
        }
    }

    /**
     * The language of a reader: the one they chose in their settings ({@code chosen}, null when none), else the best
     * of their browser's Accept-Language, else English. Pages and live sockets alike decide by it.
     */
    public static Locale forReader(String chosen, String acceptLanguage) {
        return of(chosen).orElseGet(() -> best(acceptLanguage));
    }

    /** Whether the locale is written in Russian. */
    public static boolean isRussian(Object locale) {
        return locale instanceof Locale l && l.getLanguage().equals("ru")
                || locale instanceof String s && s.startsWith("ru");
    }

    /** The site's language for a template's locale attribute (a Locale or a tag), English when it is none of them. */
    public static Locale from(Object locale) {
        if (locale instanceof Locale l) {
            return of(l.getLanguage()).orElse(ENGLISH);
        }
        return locale instanceof String s ? of(s).orElse(ENGLISH) : ENGLISH;
    }
}
