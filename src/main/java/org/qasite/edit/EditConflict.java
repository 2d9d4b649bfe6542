package org.qasite.edit;

import java.util.List;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/** An edit based on a revision that is no longer the current one: nothing was saved over the other edit. */
public class EditConflict extends QaException {

    private final int baseRevision;
    private final int currentRevision;

    EditConflict(String what, int baseRevision, int currentRevision) {
        super(409, Refusals.now().edit_conflict(what, currentRevision, baseRevision),
                List.of("currentRevision: " + currentRevision), null);
        this.baseRevision = baseRevision;
        this.currentRevision = currentRevision;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
