package org.qasite.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The settings form. */
public record SettingsInput(
        @NotBlank(message = "Enter your email address.") @Size(max = Member.MAX_EMAIL, message = "The email address is too long.") @Email(message = "This is not a valid email address.") String email,
        @NotBlank(message = "Enter the name to show beside your posts.") @Size(max = Member.MAX_DISPLAY_NAME, message = "The display name must be at most {max} characters long.") String displayName,
        boolean notifyAnswers, boolean notifyComments) {
}
