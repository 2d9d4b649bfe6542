package org.qasite.session;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.qasite.refusal.QaException;
import org.qasite.web.page.Forms;

/** What the password section of the settings page shows again after a refused change: a message per field. */
@Named("passwordChange")
@RequestScoped
public class PasswordChangeForm {

    private Map<String, String> errors = Map.of();
    private String formError;

    void refused(QaException e) {
        Map<String, String> fields = Forms.fieldErrors(e);
        if (fields.isEmpty()) {
            // a refusal of the whole form (too many tries) is about the current password: it goes beside that field
            errors = Map.of("current_password", e.getMessage());
        } else {
            errors = fields;
            formError = e.getMessage();
        }
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public String getFormError() {
        return formError;
    }
}
