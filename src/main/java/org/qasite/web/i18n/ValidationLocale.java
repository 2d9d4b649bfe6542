package org.qasite.web.i18n;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

import io.quarkus.arc.Arc;

/**
 * Bean Validation messages (ValidationMessages_ru.properties) in the reader's language, the member's setting
 * included, which the Accept-Language resolver Quarkus brings does not know; outside a request, the default.
 */
@Singleton
@Priority(100)
class ValidationLocale implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(ReaderLocale.class).get().locale();
    }
}
