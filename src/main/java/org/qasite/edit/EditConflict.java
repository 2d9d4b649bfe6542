package org.qasite.edit;

import java.util.List;

import org.qasite.refusal.QaException;

/** An edit based on a revision that is no longer the current one: nothing was saved over the other edit. */
public class EditConflict extends QaException {

    private final int baseRevision;
    private final int currentRevision;

    EditConflict(String what, int baseRevision, int currentRevision) {
        super(409, "Someone else edited this " + what + " while you were editing it (revision " + currentRevision
                + " now, yours was based on " + baseRevision + "). Nothing was saved: look at their changes, then save"
                + " yours again if you still want to.", List.of("currentRevision: " + currentRevision), null);
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
