package org.qasite.text.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundle of a language, for Java code that writes words outside a template. */
public final class Messages {

    private Messages() {
    }

    public static Msg of(Locale locale) {
        return bundle(Msg.class, locale);
    }

    /** The words of the mails about comments and accounts, in a language. */
    public static MailMsg mail(Locale locale) {
        return bundle(MailMsg.class, locale);
    }

    /** The words of the lists, browsing and search pages in a language. */
    public static BrowseMsg browse(Locale locale) {
        return bundle(BrowseMsg.class, locale);
    }

    /** The words of taking an accepted mark back, in a language. */
    public static AcceptMsg accept(Locale locale) {
        return bundle(AcceptMsg.class, locale);
    }

    /** The lines the account pages leave after a form, in a language. */
    public static AccountMsg account(Locale locale) {
        return bundle(AccountMsg.class, locale);
    }

    /** For a member's stored language tag (null: English). */
    public static Msg of(String tag) {
        return of(SiteLocales.of(tag).orElse(SiteLocales.ENGLISH));
    }

    /** A bundle's words in one of the site's languages (English for any other). */
    public static <T> T bundle(Class<T> type, Locale locale) {
        Locale site = SiteLocales.from(locale);
        // the English words are the interface itself: its bean carries the default locale
        return site.equals(SiteLocales.ENGLISH) ? MessageBundles.get(type)
                : MessageBundles.get(type, Localized.Literal.of(site.toLanguageTag()));
    }
}
