package org.qasite.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;

import io.quarkus.mailer.Mail;

/**
 * Subjects that the mail client would spoil. It encodes a subject's non-ASCII text one UTF-16 unit at a time, so a
 * character outside the Basic Multilingual Plane (an emoji in a question's title) arrives as "??". Such a subject goes
 * as a header of the mail's own instead, in RFC 2047 encoded words made here, each of whole characters; the client
 * sends a header given this way as it is, in place of its own.
 */
final class MailSubjects {

    /**
     * UTF-8 bytes per encoded word: 52 characters of Base64, 64 with the word's markers, so that the first line,
     * "Subject: " and a word, stays within the 76 characters RFC 2047 allows a line with encoded words.
     */
    private static final int BYTES_PER_WORD = 39;

    private MailSubjects() {
    }

    /**
     * Gives the mail its subject, and also as a header of its own when the mail client would spoil it; returns the mail.
     */
    static Mail withSubject(Mail mail, String subject) {
        mail.setSubject(subject);
        if (subject.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            mail.addHeader("Subject", encodedWords(subject));
        }
        return mail;
    }

    /** The text as "=?UTF-8?B?...?=" words, folded one to a line. */
    static String encodedWords(String text) {
        StringJoiner words = new StringJoiner("\r\n ");
        ByteArrayOutputStream word = new ByteArrayOutputStream(BYTES_PER_WORD);
        text.codePoints().forEach(codePoint -> {
            byte[] bytes = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
            if (word.size() + bytes.length > BYTES_PER_WORD) {
                words.add(encodedWord(word.toByteArray()));
                word.reset();
            }
            word.writeBytes(bytes);
        });
        if (word.size() > 0) {
            words.add(encodedWord(word.toByteArray()));
        }
        return words.toString();
    }

    private static String encodedWord(byte[] utf8) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8) + "?=";
    }
}
