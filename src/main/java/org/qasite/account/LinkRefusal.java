package org.qasite.account;

import org.qasite.refusal.QaException;

/** A link of an account mail that does not work (any more), with what the person who opened it can do. */
public class LinkRefusal extends QaException {

    private final String purpose;

    private LinkRefusal(int status, String message, String purpose) {
        super(status, message, null, null);
        this.purpose = purpose;
    }

    static LinkRefusal unknown(String purpose) {
        return new LinkRefusal(400, "This link is not valid: it may have been cut or changed on its way."
                + " Copy the whole link from the mail, or ask for a new one.", purpose);
    }

    static LinkRefusal of(AccountToken.State state, String purpose) {
        String message = switch (state) {
            case EXPIRED -> "This link has expired. Ask for a new one.";
            case USED -> "This link was used already: each link works once. Ask for a new one if you need to.";
            case REPLACED -> "A newer link was sent since this one, and only the newest works. Use the link of the latest"
                    + " mail, or ask for a new one.";
            case VALID -> throw new IllegalArgumentException("a valid link is not refused");
        };
        return new LinkRefusal(410, message, purpose);
    }

    /** Whether the link was for a password reset (else it was to confirm an address). */
    public boolean isPasswordReset() {
        return AccountToken.PASSWORD_RESET.equals(purpose);
    }
}
