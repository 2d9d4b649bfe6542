package org.qasite.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;

class MailSubjectsTest {

    @Test
    void aSubjectWithEmojiBecomesEncodedWordsOfWholeCharacters() throws CharacterCodingException {
        String subject = "New answer to: 🚀 launch fails with 🎉🎉🎉, עברית and кириллица in the title 🚀🚀🚀🚀🚀🚀";
        List<String> words = List.of(MailSubjects.withSubject(new Mail(), subject).getHeaders().get("Subject").get(0)
                .split("\r\n "));
        StringBuilder decoded = new StringBuilder();
        for (String word : words) {
            assertThat(word.length(), lessThanOrEqualTo(75)); // RFC 2047's limit of one encoded word
            assertThat(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), equalTo(true));
            byte[] utf8 = Base64.getDecoder().decode(word.substring(10, word.length() - 2));
            // each word is valid UTF-8 on its own: no character cut in two
            decoded.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)));
        }
        assertThat(words.size() > 1, equalTo(true));
        // RFC 2047: a line that holds encoded words is at most 76 characters, the first one with its header's name
        assertThat(("Subject: " + words.get(0)).length(), lessThanOrEqualTo(76));
        assertThat(decoded.toString(), equalTo(subject));
    }

    @Test
    void aSubjectTheMailClientEncodesWellIsLeftToIt() {
        Mail mail = MailSubjects.withSubject(new Mail(), "New answer to: עברית and кириллица, no emoji");
        assertThat(mail.getHeaders().get("Subject"), nullValue());
        assertThat(mail.getHeaders().keySet(), hasSize(0));
    }
}
