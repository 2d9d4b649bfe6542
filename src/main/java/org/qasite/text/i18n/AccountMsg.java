package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The lines the account pages leave after a form (a changed password, a confirmation link sent again), in English.
 * Russian: messages/account_ru.properties.
 */
@MessageBundle(value = "account", locale = "en")
public interface AccountMsg {

    @Message("Your password is changed.{#if ended == 1} Your 1 other session is ended.{#else if ended > 1} Your {ended} other sessions are ended.{/if}")
    String password_changed(int ended);

    @Message("A new link is on its way to {email}. Only the newest link works.")
    String verification_sent(String email);

    @Message("Your email address is confirmed already.")
    String email_confirmed_already();
}
