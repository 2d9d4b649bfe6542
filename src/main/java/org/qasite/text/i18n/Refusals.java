package org.qasite.text.i18n;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/** The words of a refusal, for the services and pages that refuse a request. */
public final class Refusals {

    private Refusals() {
    }

    public static RefusalMsg of(Locale locale) {
        return Messages.bundle(RefusalMsg.class, locale);
    }

    /**
     * In the language of the request being served: the reader's on a page, English for the JSON API and outside a
     * request (a refusal is made where the request is served, so this is where it learns its reader).
     */
    public static RefusalMsg now() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return of(SiteLocales.ENGLISH);
        }
        return of(arc.instance(ReaderLanguage.class).get().refusalLocale());
    }
}
