package org.qasite.member;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.i18n.LocalePreference;

/** The language a logged-in member chose in their settings, for the reader's locale (org.qasite.web.i18n). */
@ApplicationScoped
class MemberLocale implements LocalePreference {

    private final CurrentMember me;

    MemberLocale(CurrentMember me) {
        this.me = me;
    }

    @Override
    public Optional<String> chosen() {
        return me.get().map(m -> m.locale);
    }
}
