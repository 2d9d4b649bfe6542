package org.qasite.text.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundle of a language, for Java code that writes words outside a template. */
public final class Messages {

    private Messages() {
    }

    public static Msg of(Locale locale) {
        Locale site = SiteLocales.from(locale);
        // the English file is the interface itself: its bean carries the default locale
        return site.equals(SiteLocales.ENGLISH) ? MessageBundles.get(Msg.class)
                : MessageBundles.get(Msg.class, Localized.Literal.of(site.toLanguageTag()));
    }

    /** The words of the lists, browsing and search pages in a language. */
    public static BrowseMsg browse(Locale locale) {
        Locale site = SiteLocales.from(locale);
        return site.equals(SiteLocales.ENGLISH) ? MessageBundles.get(BrowseMsg.class)
                : MessageBundles.get(BrowseMsg.class, Localized.Literal.of(site.toLanguageTag()));
    }

    /** For a member's stored language tag (null: English). */
    public static Msg of(String tag) {
        return of(SiteLocales.of(tag).orElse(SiteLocales.ENGLISH));
    }
}
