package org.qasite.member;

import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The settings form. */
public record SettingsInput(
        @NotBlank(message = "{qa.email.required}") @Size(max = Member.MAX_EMAIL, message = "{qa.email.size}") @Email(message = "{qa.email.invalid}") String email,
        @NotBlank(message = "{qa.displayName.required}") @Size(max = Member.MAX_DISPLAY_NAME, message = "{qa.displayName.size}") String displayName,
        Map<NotificationKind, MailFrequency> mail,
        /** "en", "ru", or null for the browser's language. */
        @Pattern(regexp = "en|ru", message = "{qa.settings.locale}") String locale) {

    /** A kind whose frequency is missing is one the form sent a value for that is no frequency. */
    @AssertTrue(message = "{qa.settings.mail}")
    public boolean isMailChosen() {
        return mail != null && mail.size() == NotificationKind.values().length && !mail.containsValue(null);
    }
}
