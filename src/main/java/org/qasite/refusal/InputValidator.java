package org.qasite.refusal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

/** Runs Bean Validation on an input record and collects one message per field. */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> Map<String, String> errors(T input) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString())
                        .thenComparing(InputValidator::isBlankCheck, Comparator.reverseOrder())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    /** "Enter a title." says more about an empty field than "must be 10 to 150 characters". */
    private static boolean isBlankCheck(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof NotBlank;
    }

    /** Throws {@link InvalidInput} with these errors and the extra ones, if there are any. */
    public void check(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
