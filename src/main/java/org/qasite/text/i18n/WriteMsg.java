package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Asking and editing: the forms, revisions and the Markdown help. English here, Russian in messages/write_ru.properties
 * (MessageKeysTest checks both have every key).
 */
@MessageBundle(value = "write", locale = "en")
public interface WriteMsg {
    // ---- asking and editing
    @Message("Title")
    String ask_title();

    @Message("What is your question? Be specific.")
    String ask_title_placeholder();

    @Message("Details (Markdown)")
    String ask_details();

    @Message("Tags")
    String ask_tags();

    @Message("e.g. java, postgresql")
    String ask_tags_placeholder();

    @Message("1 to 5 tags, separated by commas or spaces: letters, digits and + # . -")
    String ask_tags_help();

    @Message("Post your question")
    String ask_submit();

    @Message("Your question is posted.")
    String ask_posted();

    @Message("Log in to ask a question.")
    String ask_login();

    @Message("Edit:")
    String edit_title_prefix();

    @Message("Edit your question")
    String edit_question();

    @Message("Edit your answer")
    String edit_answer();

    @Message("Revision {n} of")
    String edit_revision_of(int n);

    @Message("Revision {n} of your answer to")
    String edit_answer_revision_of(int n);

    @Message("History")
    String edit_history();

    @Message("Edit summary")
    String edit_summary();

    @Message("(optional)")
    String edit_optional();

    @Message("What did you change, and why?")
    String edit_summary_placeholder();

    @Message("Save your edit")
    String edit_save();

    @Message("Cancel")
    String edit_cancel();

    @Message("History of the question")
    String history_of_question();

    @Message("History of an answer")
    String history_of_answer();

    @Message("Revision {n}")
    String history_revision(int n);

    @Message("Current")
    String history_current();

    @Message("Rollback to this revision")
    String history_rollback();

    @Message("saved")
    String conflict_saved();

    @Message("changed since you began (revision {n}):")
    String conflict_since(int n);

    @Message("Your text is still in the form below. Saving it now replaces revision {n}: merge their changes into it first if you want to keep them.")
    String conflict_help(int n);

    @Message("Markdown: **bold**, *italic*, `code`, ``` fenced blocks ```, [links](https://…), lists and tables.")
    String markdown_help();

    @Message("Preview")
    String markdown_preview();

    @Message("The preview appears here as you type.")
    String markdown_preview_empty();
}
