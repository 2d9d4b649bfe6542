package org.qasite.mail;

import java.util.regex.Pattern;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** The mail templates (HTML and text parts) and the plain-text excerpt they quote. */
final class Mails {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Mails() {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance newAnswer(String recipientName, String questionTitle, String answerAuthor,
                String excerpt, String answerUrl, String unsubscribeUrl, String siteName, String siteUrl);
    }

    /** The text of rendered (sanitized) HTML, cut at a word boundary to at most {@code max} characters. */
    static String excerpt(String html, int max) {
        String text = TAG.matcher(html.replaceAll("(?i)</(p|li|h\\d|pre|blockquote)>|<br\\s*/?>", " ")).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#34;", "\"").replace("&nbsp;", " ").replace("&amp;", "&");
        text = SPACE.matcher(text).replaceAll(" ").strip();
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
}
