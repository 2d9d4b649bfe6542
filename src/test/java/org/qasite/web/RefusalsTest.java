package org.qasite.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;
import org.qasite.web.Visits.Visit;
import org.qasite.web.guard.Draining;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The requests that the hostile-input walk ({@link HostileInputTest}) found answered with a server error or without a
 * word, each on its own: what the client now gets, and that nothing was written.
 */
@QuarkusTest
class RefusalsTest {

    @Inject
    TestData data;

    @Inject
    Draining draining;

    Visits visits;

    @BeforeEach
    void setUp() {
        visits = new Visits(data);
    }

    long answers(Visit visit) {
        return data.count("SELECT count(*) FROM answer WHERE question_id = ?1", visit.question().id);
    }

    /** The report's first case (a 500 from building the way back after login out of the raw id). */
    @Test
    void aVisitorsFormToAnAddressWithATypedIdLeadsToTheLoginPage() {
        Visit visitor = visits.visitor();
        for (String path : List.of("/questions/a%20b/answers", "/answers/%7B/accept", "/questions/%5E/vote",
                "/answers/a%20b/vote", "/questions/1%0d%0aSet-Cookie:%20x=1/answers")) {
            RawHttp.Reply reply = visits.postForm(visitor, path, "body=An+answer&value=1");
            assertThat(path, reply.status(), equalTo(303));
            assertThat(path, reply.header("Location"), endsWith("/login"));
            // the way back is a path of this site: the front page, as the typed one is none
            assertThat(path, Visits.cookie(reply, LoginRedirect.RETURN_COOKIE).replace("\"", ""),
                    equalTo(LoginRedirect.RETURN_COOKIE + "=/"));
            assertThat(path, reply.all("Set-Cookie"), not(hasItem(startsWith("x="))));
        }
    }

    /** Every form that needs a member sends a visitor to log in, says what for, and leads back to the page. */
    @Test
    void aVisitorsFormLeadsToTheLoginPageWithWhatItWasForAndBackToItsPage() {
        Visit visitor = visits.visitor();
        long question = visitor.question().id;
        long answer = visitor.answer().id;
        List<List<String>> forms = List.of(
                List.of("/questions/" + question + "/answers", "Log in to answer.", "/questions/" + question),
                List.of("/answers/" + answer + "/accept", "Log in to accept an answer.", "/answers/" + answer),
                List.of("/questions/" + question + "/vote", "Log in to vote.", "/questions/" + question),
                List.of("/answers/" + answer + "/vote", "Log in to vote.", "/answers/" + answer),
                List.of("/ask", "Log in to ask a question.", "/ask"));
        long before = answers(visitor);
        for (List<String> form : forms) {
            String path = form.get(0);
            RawHttp.Reply reply = visits.postForm(visitor, path,
                    "title=A+title+long+enough&body=An+answer+long+enough+to+be+one&tags=java&value=1");
            assertThat(path, reply.status(), equalTo(303));
            assertThat(path, reply.header("Location"), endsWith("/login"));
            assertThat(path, URLDecoder.decode(Visits.cookie(reply, "qa-flash"), StandardCharsets.UTF_8),
                    equalTo("qa-flash=" + form.get(1)));
            assertThat(path, Visits.cookie(reply, LoginRedirect.RETURN_COOKIE).replace("\"", ""),
                    equalTo(LoginRedirect.RETURN_COOKIE + "=" + form.get(2)));
        }
        assertThat("nothing was written", answers(visitor), equalTo(before));
        assertThat(data.count("SELECT count(*) FROM question_vote WHERE question_id = ?1", question), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM answer_vote WHERE answer_id = ?1", answer), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM question WHERE title = 'A title long enough'"), equalTo(0L));
    }

    @Test
    void aJsonPropertyGivenTwiceIsRefusedWithTheApisMessage() {
        Visit member = visits.member("twice", false);
        RawHttp.Reply preview = visits.postJson(member, "/api/v1/markdown/preview", "{\"text\":\"a\",\"text\":\"b\"}");
        assertThat(preview.status(), equalTo(400));
        assertThat(preview.text(), containsString("\"error\":\"The request could not be understood"));
        assertThat(preview.text(), containsString("\"details\":[\"text: given more than once\"]"));
        RawHttp.Reply answer = visits.postJson(member, "/api/v1/questions/" + member.question().id + "/answers",
                "{\"body\":\"A first body, long enough to be one.\",\"body\":\"A second body, long enough too.\"}");
        assertThat(answer.status(), equalTo(400));
        assertThat(answer.text(), containsString("body: given more than once"));
        assertThat(answers(member), equalTo(1L));
    }

    @Test
    void aFormInACharsetTheSiteCannotReadIsRefusedAsItsType() {
        Visit member = visits.member("charset", false);
        String form = "body=An+answer+in+a+charset+nobody+knows.&" + visits.tokenField + "="
                + HostileBodies.enc(member.token());
        RawHttp.Reply reply = visits.send(member, "POST", "/questions/" + member.question().id + "/answers",
                HostileBodies.FORM + "; charset=bogus", HostileBodies.ascii(form));
        assertThat(reply.status(), equalTo(415));
        assertThat(reply.header("Content-Type"), startsWith("text/html"));
        assertThat(Verdict.pageMessage(reply.text()), containsString("its charset is unknown. Send UTF-8."));
        assertThat(answers(member), equalTo(1L));
    }

    @Test
    void anAcceptHeaderThatCannotBeReadIsDisregarded() {
        Visit visitor = visits.visitor();
        // the first is what Java's own HttpURLConnection sends
        for (String accept : List.of("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", "???", "text/html;q=abc")) {
            RawHttp.Reply page = visits.send(visitor, "GET", visitor.question().path(), null, null,
                    new String[] { "Accept", accept });
            assertThat(accept, page.status(), equalTo(200));
            assertThat(accept, page.text(), hasElement("h1", equalTo(visitor.question().title)));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAMessage() {
        Visit member = visits.member("large", false);
        String huge = "a".repeat(HostileBodies.OVERSIZED);
        RawHttp.Reply api = visits.postJson(member, "/api/v1/questions/" + member.question().id + "/answers",
                "{\"body\":\"" + huge + "\"}");
        assertThat(api.status(), equalTo(413));
        assertThat(api.text(), containsString("\"error\":\"What you sent is too large (at most 4 MB).\""));
        RawHttp.Reply page = visits.postForm(member, "/questions/" + member.question().id + "/answers", "body=" + huge);
        assertThat(page.status(), equalTo(413));
        assertThat(Verdict.pageMessage(page.text()), equalTo("What you sent is too large (at most 4 MB)."));
        // Sent without a length, the body is cut off by the HTTP layer while it is read (413, no word from the site);
        // the request must not stay counted as in flight, or every shutdown would wait the whole drain timeout.
        RawHttp.Reply chunked = visits.send(member, "POST", "/questions/" + member.question().id + "/answers",
                HostileBodies.FORM, HostileBodies.ascii("body=" + huge), new String[] { "Transfer-Encoding", "chunked" });
        assertThat(chunked.status(), equalTo(413));
        await().atMost(Duration.ofSeconds(10)).until(() -> draining.inFlight() == 0);
        assertThat(answers(member), equalTo(1L));
    }

    @Test
    void aRefusalOfTheHttpLayerComesWithAMessage() {
        Visit visitor = visits.visitor();
        RawHttp.Reply page = visits.send(visitor, "GET", "/", null, null, new String[] { "Host", "127.0.0.1:99999" });
        assertThat(page.status(), equalTo(400));
        assertThat(Verdict.pageMessage(page.text()), startsWith("The request could not be understood"));
        RawHttp.Reply api = visits.send(visitor, "GET", "/api/v1/questions", null, null,
                new String[] { "Host", "127.0.0.1:99999" });
        assertThat(api.status(), equalTo(400));
        assertThat(api.text(), containsString("\"error\":\"The request could not be understood"));
    }

    @Test
    void aHostWithAPercentEscapeIsAnswered() {
        // the HTTP layer threw while checking these (escapes are allowed in a host name) and left the request unanswered
        Visit visitor = visits.visitor();
        for (String host : new String[] { "a%2fb", "%41", "evil.example%00" }) {
            RawHttp.Reply page = visits.send(visitor, "GET", "/", null, null, new String[] { "Host", host });
            assertThat(host + ": " + page.failure(), page.failure(), equalTo(null));
            assertThat(host, page.status(), equalTo(200));
            assertThat(host, page.text(), hasElement("h1", equalTo("Newest questions")));
        }
    }

    @Test
    void aMultipartFormCutShortIsRefusedWithAMessage() {
        Visit visitor = visits.visitor();
        String username = TestData.uniqueName("cut");
        String parts = "--b\r\nContent-Disposition: form-data; name=\"" + visits.tokenField + "\"\r\n\r\n" + visitor.token()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + username + "\r\n";
        RawHttp.Reply reply = visits.send(visitor, "POST", "/signup", "multipart/form-data; boundary=b",
                HostileBodies.ascii(parts)); // no closing boundary
        assertThat(reply.status(), equalTo(400));
        assertThat(Verdict.pageMessage(reply.text()), containsString("its multipart body is cut short or malformed"));
        assertThat(data.count("SELECT count(*) FROM member WHERE username = ?1", username), equalTo(0L));
    }

    @Test
    void aLoginFormTheHttpLayerCannotReadIsRefusedWithAMessage() {
        Visit visitor = visits.visitor();
        RawHttp.Reply broken = visits.postForm(visitor, "/login", "%ZZ=1&username=walker&password=walker-password");
        assertThat(broken.status(), equalTo(400));
        assertThat(Verdict.pageMessage(broken.text()), startsWith("The request could not be understood."));
        RawHttp.Reply crowded = visits.postForm(visitor, "/login",
                "username=walker&password=walker-password" + "&x=1".repeat(300));
        assertThat(crowded.status(), equalTo(400));
        assertThat(Verdict.pageMessage(crowded.text()), equalTo("The form could not be read: it has too many fields."));
        assertThat(Visits.cookie(crowded, "qa-session"), nullValue());
    }

    @Test
    void aForgedOneClickUnsubscribeGetsTheErrorPage() {
        Visit visitor = visits.visitor();
        RawHttp.Reply reply = visits.send(visitor, "POST", "/unsubscribe/" + visitor.member().id + "/AAAAAAAAAAAAAAAA",
                HostileBodies.FORM, HostileBodies.ascii("List-Unsubscribe=One-Click"));
        assertThat(reply.status(), equalTo(404));
        assertThat(reply.header("Content-Type"), startsWith("text/html"));
        assertThat(Verdict.pageMessage(reply.text()), not(equalTo("")));
    }

    @Test
    void wrongMethodsAndContentTypesAreExplainedOnPagesAndInTheApi() {
        Visit member = visits.member("methods", false);
        String question = "/questions/" + member.question().id;
        String form = visits.tokenField + "=" + HostileBodies.enc(member.token());
        RawHttp.Reply put = visits.send(member, "PUT", question, HostileBodies.FORM, HostileBodies.ascii(form));
        assertThat(put.status(), equalTo(405));
        assertThat(Verdict.pageMessage(put.text()), equalTo("This address does not accept that method."));
        RawHttp.Reply patch = visits.send(member, "PATCH", "/api/v1" + question, HostileBodies.JSON,
                HostileBodies.ascii("{}"));
        assertThat(patch.status(), equalTo(405));
        assertThat(patch.text(), containsString("\"error\":\"This address does not accept that method.\""));
        RawHttp.Reply multipart = visits.send(member, "POST", question + "/answers", "multipart/form-data; boundary=b",
                HostileBodies.ascii("--b\r\nContent-Disposition: form-data; name=\"" + visits.tokenField + "\"\r\n\r\n"
                        + member.token() + "\r\n--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n"
                        + "An answer sent as a multipart form.\r\n--b--\r\n"));
        assertThat(multipart.status(), equalTo(415));
        assertThat(Verdict.pageMessage(multipart.text()), equalTo("This content type is not accepted here."));
        RawHttp.Reply text = visits.send(member, "POST", "/api/v1" + question + "/answers", "text/plain",
                HostileBodies.ascii("An answer as plain text."));
        assertThat(text.status(), equalTo(415));
        assertThat(text.text(), containsString("\"error\":\"Send JSON: Content-Type: application/json.\""));
        assertThat(answers(member), equalTo(1L));
    }
}
