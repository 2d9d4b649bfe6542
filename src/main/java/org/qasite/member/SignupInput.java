package org.qasite.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The signup form. The password is checked by {@link PasswordPolicy}, as everywhere a password is chosen. */
public record SignupInput(
        @NotBlank(message = "Choose a username.") @Size(min = Member.MIN_USERNAME, max = Member.MAX_USERNAME, message = "The username must be {min} to {max} characters long.") @Pattern(regexp = "[A-Za-z0-9_.\\-]*", message = "The username may contain letters, digits, and _ . - only.") String username,
        @NotBlank(message = "Enter your email address.") @Size(max = Member.MAX_EMAIL, message = "The email address is too long.") @Email(message = "This is not a valid email address.") String email,
        String password,
        String passwordConfirm) {
}
