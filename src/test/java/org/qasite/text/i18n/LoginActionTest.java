package org.qasite.text.i18n;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every action that needs a login has its own words in both languages, not the "Log in to go on." of an unknown one. */
@QuarkusTest
class LoginActionTest {

    @Test
    void everyActionIsNamedInEnglishAndRussian() {
        for (Locale locale : new Locale[] { SiteLocales.ENGLISH, Locale.forLanguageTag("ru") }) {
            RefusalMsg words = Refusals.of(locale);
            String unknown = words.login_to("no-such-action");
            for (LoginAction action : LoginAction.values()) {
                assertThat(action + " in " + locale, words.login_to(action.key()), not(unknown));
            }
        }
    }
}
