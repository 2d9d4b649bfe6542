package org.qasite.member;

/**
 * What a member can be notified of; each kind has its own mail preference ({@link MailFrequency}), a column of the
 * member ({@code mail_<kind>}, listed together by the view {@code member_mail}).
 */
public enum NotificationKind {
    ANSWER("answer", "A new answer to my question", MailFrequency.INSTANT),
    FOLLOWED_ANSWER("followed-answer", "A new answer to a question I follow", MailFrequency.DAILY),
    COMMENT("comment", "A comment on my question or answer", MailFrequency.INSTANT),
    MENTION("mention", "A comment that mentions me", MailFrequency.INSTANT),
    ACCEPTED("accepted", "My answer accepted", MailFrequency.INSTANT),
    TAG_QUESTION("tag-question", "A new question in a tag I follow", MailFrequency.DAILY);

    /** The name in the database, in forms ({@code mail_<name>} with "-" as "_") and in unsubscribe links. */
    public final String wireName;
    public final String label;
    public final MailFrequency defaultFrequency;

    NotificationKind(String wireName, String label, MailFrequency defaultFrequency) {
        this.wireName = wireName;
        this.label = label;
        this.defaultFrequency = defaultFrequency;
    }

    /** The settings form's field, and the member's column: {@code mail_followed_answer}, ... */
    public String field() {
        return "mail_" + wireName.replace('-', '_');
    }

    public static NotificationKind parse(String wireName) {
        for (NotificationKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        return null;
    }
}
