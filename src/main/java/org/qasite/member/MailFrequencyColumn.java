package org.qasite.member;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link MailFrequency} as its lower-case value, which the database's checks and SQL use. */
@Converter
class MailFrequencyColumn implements AttributeConverter<MailFrequency, String> {

    @Override
    public String convertToDatabaseColumn(MailFrequency frequency) {
        return frequency == null ? null : frequency.value();
    }

    @Override
    public MailFrequency convertToEntityAttribute(String value) {
        return value == null ? null : MailFrequency.parse(value);
    }
}
