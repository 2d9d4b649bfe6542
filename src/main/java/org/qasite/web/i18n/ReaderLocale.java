package org.qasite.web.i18n;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.BrowseMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Msg;
import org.qasite.text.i18n.ReaderLanguage;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place that decides the language of a request: the member's setting, else the best of the browser's
 * Accept-Language among the site's languages, else English. Templates, validation messages and the messages made in
 * Java all ask it.
 */
@Named("reader")
@RequestScoped
public class ReaderLocale implements ReaderLanguage {

    private final Instance<LocalePreference> preference;
    private final CurrentVertxRequest request;
    private Locale locale;

    ReaderLocale(Instance<LocalePreference> preference, CurrentVertxRequest request) {
        this.preference = preference;
        this.request = request;
    }

    /** The locale of a rendering done outside a request for a reader whose language is known (a live push). */
    private static final ThreadLocal<Locale> RENDERING = new ThreadLocal<>();

    /**
     * Renders in this locale outside a request: every template made meanwhile on this thread gets it, including those
     * a template includes through a bean (an answer's comments), and so do the words Java code asks for.
     */
    public static <T> T renderingIn(Locale locale, Supplier<T> rendering) {
        Locale before = RENDERING.get();
        RENDERING.set(locale);
        try {
            return rendering.get();
        } finally {
            if (before == null) {
                RENDERING.remove();
            } else {
                RENDERING.set(before);
            }
        }
    }

    /**
     * The locale templates made now get: the reader's while a request is served, else English (a template made for a
     * mail sets its recipient's own), or the one a rendering outside a request was given ({@link #renderingIn}).
     */
    public static Locale current() {
        Locale rendering = RENDERING.get();
        if (rendering != null) {
            return rendering;
        }
        ArcContainer arc = Arc.container();
        return arc != null && arc.requestContext().isActive() ? arc.instance(ReaderLocale.class).get().locale()
                : SiteLocales.ENGLISH;
    }

    /** The site's words in the language of the request being served (English outside one). */
    public static Msg words() {
        return Messages.of(current());
    }

    /** A bundle's words in the language of the request being served (English outside one). */
    public static <T> T wordsNow(Class<T> bundle) {
        return Messages.bundle(bundle, current());
    }

    /** The words of the lists, browsing and search pages in the language of the request being served. */
    public static BrowseMsg browseWords() {
        return Messages.browse(current());
    }

    /** The line above a refused form, in the language of the request being served. */
    public static String formErrorNow(QaException e) {
        return e instanceof InvalidInput ? words().form_correct_fields() : e.getMessage();
    }

    @Override
    public Locale locale() {
        if (locale == null) {
            // the member's row is read from the database: a page rendered on the event loop (a 404 of a path no
            // resource has) may not wait for it, and goes by the browser's language
            String chosen = (BlockingOperationControl.isBlockingAllowed() ? preference.stream()
                    : Stream.<LocalePreference> empty()).flatMap(p -> p.chosen().stream()).findFirst().orElse(null);
            locale = SiteLocales.forReader(chosen, acceptLanguage());
        }
        return locale;
    }

    /** The line above a refused form: the fields' own messages come in the reader's language already. */
    public String formError(QaException e) {
        return e instanceof InvalidInput ? msg().form_correct_fields() : e.getMessage();
    }

    /**
     * The request header with which the site's own page scripts ask the JSON API to refuse in the reader's language
     * ({@code X-Qa-Language: reader}), since what they show comes from the API's errors.
     */
    public static final String LANGUAGE_HEADER = "X-Qa-Language";

    /**
     * English under {@code /api/}: its clients are programs, which may match on the text; unless the request is the
     * site's own page script, which says so with {@link #LANGUAGE_HEADER} and shows the text to the reader.
     */
    @Override
    public Locale refusalLocale() {
        RoutingContext current = request.getCurrent();
        String path = current == null ? null : current.normalizedPath();
        if (path == null || !path.startsWith("/api/")) {
            return locale();
        }
        return "reader".equalsIgnoreCase(current.request().getHeader(LANGUAGE_HEADER)) ? locale() : SiteLocales.ENGLISH;
    }

    /** For {@code <html lang>}. */
    public String getLang() {
        return locale().toLanguageTag();
    }

    /** The browser's language, as asked, for a new member's row (their mail's language until they choose one). */
    public Locale browserLocale() {
        return SiteLocales.best(acceptLanguage());
    }

    private String acceptLanguage() {
        RoutingContext current = request.getCurrent();
        return current == null ? null : current.request().getHeader("Accept-Language");
    }
}
