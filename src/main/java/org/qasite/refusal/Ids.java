package org.qasite.refusal;

import org.qasite.text.i18n.Refusals;

/** Ids as they arrive in addresses. */
public final class Ids {

    private Ids() {
    }

    /** The id typed in an address; anything that is not a number is a 404 ("There is no answer “abc”."). */
    public static long parse(String raw, String what) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw QaException.notFound(Refusals.now().no_such_id(what, raw));
        }
    }
}
