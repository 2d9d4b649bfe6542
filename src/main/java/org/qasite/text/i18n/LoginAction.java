package org.qasite.text.i18n;

/**
 * What a visitor tried when the site asks them to log in first ("Log in to vote."): each names its words in
 * {@link RefusalMsg#login_to(String)}, in both languages (LoginActionTest checks that none falls back to "go on").
 */
public enum LoginAction {
    ASK("ask"),
    ANSWER("answer"),
    ACCEPT("accept"),
    UNACCEPT("unaccept"),
    VOTE("vote"),
    EDIT("edit"),
    ROLL_BACK("roll-back"),
    COMMENT("comment"),
    DELETE_COMMENT("delete-comment"),
    DELETE_QUESTION("delete-question"),
    UNDELETE_QUESTION("undelete-question"),
    DELETE_ANSWER("delete-answer"),
    UNDELETE_ANSWER("undelete-answer"),
    FOLLOW_QUESTION("follow-question"),
    FOLLOW_TAG("follow-tag"),
    NOTIFICATIONS("notifications"),
    MARK_READ("mark-read"),
    DELETE_ACCOUNT("delete-account"),
    PASSWORD("password"),
    CONFIRM_EMAIL("confirm-email"),
    UPLOAD("upload");

    private final String key;

    LoginAction(String key) {
        this.key = key;
    }

    /** The name the message's {@code #when} picks the words by. */
    public String key() {
        return key;
    }
}
