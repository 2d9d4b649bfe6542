package org.qasite.text.i18n;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The words of a refusal, for the services and pages that refuse a request. */
public final class Refusals {

    private Refusals() {
    }

    public static RefusalMsg of(Locale locale) {
        Locale site = SiteLocales.from(locale);
        return site.equals(SiteLocales.ENGLISH) ? MessageBundles.get(RefusalMsg.class)
                : MessageBundles.get(RefusalMsg.class, Localized.Literal.of(site.toLanguageTag()));
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
