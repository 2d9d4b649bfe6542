package org.qasite.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.qasite.member.Member;

/** The forgot-password form. */
record ForgotInput(
        @NotBlank(message = "Enter the email address of your account.") @Size(max = Member.MAX_EMAIL, message = "The email address is too long.") @Email(message = "This is not a valid email address.") String email) {
}
