package org.qasite.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.qasite.member.Member;

/** The forgot-password form. */
record ForgotInput(
        @NotBlank(message = "{qa.forgot.email.required}") @Size(max = Member.MAX_EMAIL, message = "{qa.email.size}") @Email(message = "{qa.email.invalid}") String email) {
}
