package org.qasite.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;

/**
 * Gives every template made while a request is served the reader's locale, which {msg:…} and the time and number
 * extensions read. A template made outside a request (a mail) is English unless its code sets the recipient's
 * locale.
 */
@ApplicationScoped
class TemplateLocale {

    void addInitializer(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(TemplateLocale::setReaderLocale);
    }

    private static void setReaderLocale(TemplateInstance instance) {
        instance.setLocale(ReaderLocale.current());
    }
}
