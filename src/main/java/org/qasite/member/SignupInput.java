package org.qasite.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The signup form. The password is checked by {@link PasswordPolicy}, as everywhere a password is chosen. */
public record SignupInput(
        @NotBlank(message = "{qa.username.required}") @Size(min = Member.MIN_USERNAME, max = Member.MAX_USERNAME, message = "{qa.username.size}") @Pattern(regexp = "[A-Za-z0-9_.\\-]*", message = "{qa.username.pattern}") String username,
        @NotBlank(message = "{qa.email.required}") @Size(max = Member.MAX_EMAIL, message = "{qa.email.size}") @Email(message = "{qa.email.invalid}") String email,
        String password,
        String passwordConfirm) {
}
