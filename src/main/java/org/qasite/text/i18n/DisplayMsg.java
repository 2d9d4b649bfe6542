package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of how pages look: the light and dark theme switch, and the copy button of code blocks (the page script
 * takes those from {@code <body data-text-*>}). Used in templates as {display:key}. Russian:
 * messages/display_ru.properties, which must have every key (MessageKeysTest).
 */
@MessageBundle(value = "display", locale = "en")
public interface DisplayMsg {

    /** The header's toggle button, pressed while the dark theme is on. */
    @Message("Dark theme")
    String theme_dark();

    @Message("Copy")
    String code_copy();

    /** What the copy button says to a screen reader, and in its tooltip. */
    @Message("Copy the code")
    String code_copy_label();

    @Message("Copied")
    String code_copied();

    @Message("Copying did not work: select the code and copy it yourself.")
    String code_copy_failed();
}
