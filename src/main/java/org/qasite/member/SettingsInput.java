package org.qasite.member;

import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The settings form. */
public record SettingsInput(
        @NotBlank(message = "Enter your email address.") @Size(max = Member.MAX_EMAIL, message = "The email address is too long.") @Email(message = "This is not a valid email address.") String email,
        @NotBlank(message = "Enter the name to show beside your posts.") @Size(max = Member.MAX_DISPLAY_NAME, message = "The display name must be at most {max} characters long.") String displayName,
        Map<NotificationKind, MailFrequency> mail) {

    /** A kind whose frequency is missing is one the form sent a value for that is no frequency. */
    @AssertTrue(message = "Choose how often mail comes for each kind of notification.")
    public boolean isMailChosen() {
        return mail != null && mail.size() == NotificationKind.values().length && !mail.containsValue(null);
    }
}
