package org.qasite.web.i18n;

import java.util.Optional;

/** The language the reader of this request chose in their settings, if they are a member who chose one. */
public interface LocalePreference {

    Optional<String> chosen();
}
