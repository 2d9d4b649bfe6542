package org.qasite.mail;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** The mail templates (HTML and text parts) and the plain-text excerpt they quote. */
final class Mails {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** The character references the sanitizer writes: numeric ones (emoji, "=", "@" ...) and a few named ones. */
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private Mails() {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance newAnswer(String recipientName, String questionTitle, String answerAuthor,
                MailExcerpt excerpt, String answerUrl, String unsubscribeUrl, String siteName, String siteUrl);

        static native MailTemplateInstance newComment(String recipientName, String questionTitle, boolean onAnswer,
                String commentAuthor, MailExcerpt excerpt, String commentUrl, String unsubscribeUrl, String siteName,
                String siteUrl);

        static native MailTemplateInstance notice(String recipientName, String actor, String action,
                String questionTitle, MailExcerpt excerpt, String url, String linkLabel, String reason,
                String unsubscribeAbout, String unsubscribeUrl, String siteName, String siteUrl);

        static native MailTemplateInstance digest(String recipientName, boolean daily, String period, int count,
                List<DigestMails.Group> groups, List<DigestMails.KindLink> kindLinks, String unsubscribeUrl,
                String settingsUrl, String siteName, String siteUrl);

        static native MailTemplateInstance passwordReset(String recipientName, String username, String resetUrl,
                String validFor, String forgotUrl, String siteName, String siteUrl);

        static native MailTemplateInstance verifyEmail(String recipientName, String email, boolean change,
                String verifyUrl, String validFor, String siteName, String siteUrl);

        static native MailTemplateInstance emailChanged(String recipientName, String username, String newEmail,
                String siteName, String siteUrl);
    }

    /** The text of rendered (sanitized) HTML, cut at a word boundary to at most {@code max} characters. */
    static String excerpt(String html, int max) {
        String text = TAG.matcher(html.replaceAll("(?i)</(p|li|h\\d|pre|blockquote)>|<br\\s*/?>", " ")).replaceAll("");
        text = SPACE.matcher(unescape(text)).replaceAll(" ").strip();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    /** Turns character references back into the characters (the text part is plain text; Qute escapes the HTML part). */
    static String unescape(String text) {
        return REFERENCE.matcher(text).replaceAll(m -> {
            String ref = m.group(1);
            String character = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int code = ref.charAt(1) == 'x' || ref.charAt(1) == 'X' ? Integer.parseInt(ref.substring(2), 16)
                            : Integer.parseInt(ref.substring(1));
                    yield Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : "\uFFFD";
                }
            };
            return java.util.regex.Matcher.quoteReplacement(character);
        });
    }
}
