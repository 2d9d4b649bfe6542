package org.qasite.text.i18n;

import java.util.Locale;

/**
 * The language of the request being served (a request-scoped bean: org.qasite.web.i18n.ReaderLocale decides it), for
 * services that write a refusal in the reader's words.
 */
public interface ReaderLanguage {

    Locale locale();

    /** The language of a refusal: the reader's, except where a program reads it (the JSON API: English). */
    default Locale refusalLocale() {
        return locale();
    }

    /** A bundle's words in the reader's language. */
    default <T> T words(Class<T> bundle) {
        return Messages.bundle(bundle, locale());
    }

    /** The site's words in the reader's language. */
    default Msg msg() {
        return Messages.of(locale());
    }
}
