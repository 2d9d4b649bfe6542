package org.qasite.account;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

/** A link of an account mail that does not work (any more), with what the person who opened it can do. */
public class LinkRefusal extends QaException {

    private final String purpose;

    private LinkRefusal(int status, String message, String purpose) {
        super(status, message, null, null);
        this.purpose = purpose;
    }

    static LinkRefusal unknown(String purpose) {
        return new LinkRefusal(400, Refusals.now().link_unknown(), purpose);
    }

    static LinkRefusal of(AccountToken.State state, String purpose) {
        RefusalMsg words = Refusals.now();
        String message = switch (state) {
            case EXPIRED -> words.link_expired();
            case USED -> words.link_used();
            case REPLACED -> words.link_replaced();
            case VALID -> throw new IllegalArgumentException("a valid link is not refused");
        };
        return new LinkRefusal(410, message, purpose);
    }

    /** Whether the link was for a password reset (else it was to confirm an address). */
    public boolean isPasswordReset() {
        return AccountToken.PASSWORD_RESET.equals(purpose);
    }
}
