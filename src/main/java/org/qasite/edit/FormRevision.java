package org.qasite.edit;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/** The revision an edit form or a history page was based on, as its hidden field sends it. */
final class FormRevision {

    private FormRevision() {
    }

    /** Null when the field did not come (the edit applies to the current revision); a refusal when it is no number. */
    static Integer parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw QaException.badRequest(Refusals.now().form_without_revision());
        }
    }
}
