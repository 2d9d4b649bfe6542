package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of taking an accepted mark back, used in templates as {accept:key}. Russian: messages/accept_ru.properties,
 * which must have every key (MessageKeysTest).
 */
@MessageBundle(value = "accept", locale = "en")
public interface AcceptMsg {

    @Message("Unaccept")
    String unaccept();

    @Message("Take back the accepted mark of this answer")
    String unaccept_label();

    @Message("The answer is no longer marked as accepted.")
    String unaccepted_flash();

    @Message("Log in to unaccept an answer.")
    String unaccept_login();
}
