package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Maildev;
import org.qasite.testsupport.RealServicesProfile;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The mail about a new comment, end to end through a real SMTP server (maildev): one mail, to the post's author. */
@QuarkusTest
@TestProfile(RealServicesProfile.class)
class CommentMailDeliveryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    TestData data;

    final Maildev maildev = Maildev.local();

    Member memberWithOwnAddress(String prefix) {
        Member member = data.member(prefix);
        String email = prefix + "-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> Member.update("email = ?1 where id = ?2", email, member.id));
        member.email = email;
        return member;
    }

    @Test
    void aCommentOnAnAnswerMailsTheAnswersAuthorOnce() {
        Member asker = memberWithOwnAddress("asker");
        Question question = data.question(asker, "Does comment mail arrive " + UUID.randomUUID() + "?");
        Member answerer = memberWithOwnAddress("answerer");
        Answer answer = data.answer(answerer, question, "It should, through SMTP.");
        long id = WebSession.loggedIn(data.member("commenter").username)
                .postJson("/api/v1/answers/" + answer.id + "/comments", Map.of("body", "It did, thanks to `maildev`."))
                .then().statusCode(201).extract().jsonPath().getLong("id");

        await().atMost(DELIVERY).until(() -> data.count(
                "SELECT count(*) FROM mail_log WHERE comment_id = ?1 AND status = 'sent'", id), n -> n == 1L);
        List<Maildev.Mail> mails = maildev.to(answerer.email);
        assertThat(mails, hasSize(1));
        Maildev.Mail mail = mails.get(0);
        assertThat(mail.subject(), containsString("New comment on your answer to"));
        assertThat(mail.html(), hasElement("a[href='http://qa.example.org/comments/" + id + "']", equalTo("Read the comment")));
        assertThat(mail.text(), containsString("It did, thanks to maildev."));
        assertThat(mail.headers().get("list-unsubscribe-post"), equalTo("List-Unsubscribe=One-Click"));
        assertThat(mail.headers().get("list-unsubscribe"), containsString("/unsubscribe-comments/" + answerer.id + "/"));
        assertThat("nothing to the question's author", maildev.to(asker.email), hasSize(0));
    }
}
