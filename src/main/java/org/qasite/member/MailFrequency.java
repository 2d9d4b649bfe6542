package org.qasite.member;

import java.util.Locale;

/** How a member's mail about one kind of notification comes: at once, gathered in a digest, or not at all. */
public enum MailFrequency {
    INSTANT("Instantly"),
    DAILY("Daily digest"),
    WEEKLY("Weekly digest"),
    NEVER("Never");

    private final String label;

    MailFrequency(String label) {
        this.label = label;
    }

    /** The value in the database and in forms: {@code instant}, {@code daily}, {@code weekly}, {@code never}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public boolean isDigest() {
        return this == DAILY || this == WEEKLY;
    }

    /** The frequency of a form or database value, or null for anything else. */
    public static MailFrequency parse(String value) {
        for (MailFrequency f : values()) {
            if (f.value().equals(value)) {
                return f;
            }
        }
        return null;
    }
}
