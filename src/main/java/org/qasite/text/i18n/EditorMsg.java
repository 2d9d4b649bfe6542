package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the Markdown editors (toolbar, picture uploads, counters, tag completion, similar questions), used in
 * templates as {editor:key}. The page scripts get them from data-text-* attributes (tags/editor-words.html), where
 * %-placeholders are filled in by the script. Russian: messages/editor_ru.properties, which must have every key
 * (MessageKeysTest).
 */
@MessageBundle(value = "editor", locale = "en")
public interface EditorMsg {

    // ---- toolbar
    @Message("Formatting")
    String toolbar();

    @Message("Bold")
    String bold();

    @Message("Italic")
    String italic();

    @Message("Code")
    String code();

    @Message("Code block")
    String code_block();

    @Message("Link")
    String link();

    @Message("Image")
    String image();

    @Message("Bulleted list")
    String list();

    @Message("Quote")
    String quote();

    @Message("Upload a picture")
    String upload();

    /** The largest picture, in megabytes ("2", "1.5"). */
    @Message("{size} MB")
    String megabytes(String size);

    @Message("Paste, drop or pick a picture: PNG, JPEG, GIF or WebP, at most {size} MB.")
    String upload_hint(String size);

    // ---- what the toolbar writes when nothing is selected
    @Message("bold text")
    String sample_bold();

    @Message("italic text")
    String sample_italic();

    @Message("code")
    String sample_code();

    @Message("link text")
    String sample_link();

    @Message("description")
    String sample_image();

    @Message("list item")
    String sample_list();

    @Message("quoted text")
    String sample_quote();

    // ---- uploads (%name, %size and %max are filled in by the script)
    @Message("Uploading %name…")
    String uploading();

    @Message("%name was not uploaded: it is larger than %size.")
    String upload_too_large();

    @Message("%name was not uploaded: it is not a PNG, JPEG, GIF or WebP picture.")
    String upload_not_image();

    @Message("%name was not uploaded: it has more than %max pixels.")
    String upload_too_many_pixels();

    @Message("Log in to upload pictures.")
    String upload_login();

    @Message("%name was not uploaded. Please try again.")
    String upload_failed();

    // ---- counters (%n, %left, %over)
    @Message("%left characters left")
    String counter_left();

    @Message("%over characters too many")
    String counter_over();

    // ---- tags and similar questions
    @Message("Existing tags")
    String tag_suggestions();

    /** A tag's count, as the script writes it: its plural forms for Intl.PluralRules' one, few and many/other. */
    @Message("%n question")
    String questions_one();

    @Message("%n questions")
    String questions_few();

    @Message("%n questions")
    String questions_many();

    @Message("Similar questions (they open in a new tab): is yours among them?")
    String similar_heading();
}
