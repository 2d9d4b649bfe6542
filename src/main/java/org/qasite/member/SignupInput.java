package org.qasite.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The signup form. */
public record SignupInput(
        @NotBlank(message = "Choose a username.") @Size(min = 3, max = 30, message = "The username must be 3 to 30 characters long.") @Pattern(regexp = "[A-Za-z0-9_.\\-]*", message = "The username may contain letters, digits, and _ . - only.") String username,
        @NotBlank(message = "Enter your email address.") @Size(max = 254, message = "The email address is too long.") @Email(message = "This is not a valid email address.") String email,
        @NotBlank(message = "Choose a password.") @Size(min = 8, max = 72, message = "The password must be 8 to 72 characters long.") String password,
        String passwordConfirm) {
}
