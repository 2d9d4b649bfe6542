package org.qasite.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.qasite.member.CurrentMember;
import org.qasite.member.Member;

/** For the settings page's section on the address: whether it is confirmed, and a new one waiting for its link. */
@Named("emailStatus")
@RequestScoped
public class EmailStatus {

    private final CurrentMember me;
    private final EmailVerificationService verifications;

    EmailStatus(CurrentMember me, EmailVerificationService verifications) {
        this.me = me;
        this.verifications = verifications;
    }

    public boolean isVerified() {
        return me.get().map(Member::isEmailVerified).orElse(false);
    }

    public String getEmail() {
        return me.get().map(m -> m.email).orElse("");
    }

    public String getPending() {
        return me.get().map(verifications::pendingEmail).orElse(null);
    }
}
