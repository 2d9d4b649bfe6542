package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.AnswerInput;
import org.qasite.question.AnswerService;
import org.qasite.question.Question;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The fragments a page is sent live come in the page's language, decided at the socket's upgrade as for the page
 * itself: the member's setting, else the browser's Accept-Language, else English.
 */
@QuarkusTest
class LiveLanguageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestData data;

    @Inject
    AnswerService answers;

    private final List<LiveClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(LiveClient::close);
    }

    private LiveClient open(long questionId, String header, String value) {
        var connector = LiveClient.connector(base, questionId, null);
        LiveClient client = LiveClient.open(header == null ? connector : connector.addHeader(header, value));
        clients.add(client);
        return client.ready();
    }

    private static Element answerLine(LiveClient client, long answerId) {
        await().atMost(WAIT).until(() -> client.answerIds().contains(answerId));
        JsonNode frame = client.answers().stream().filter(a -> a.path("answerId").asLong() == answerId).findFirst()
                .orElseThrow();
        return Pages.one(Pages.document(frame.path("html").asText()), "[data-answer-id=" + answerId + "]");
    }

    @Test
    void aRussianReaderGetsTheNewAnswerInRussianWhileAnEnglishReaderGetsItInEnglish() {
        Question question = data.question(data.member("asker"), "Which language does a live answer come in?");
        LiveClient english = open(question.id, null, null);
        LiveClient russian = open(question.id, "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5");
        LiveClient german = open(question.id, "Accept-Language", "de");

        Answer posted = answers.answer(data.member("answerer").id, question.id,
                new AnswerInput("The same answer, read in two languages."));

        Element inRussian = answerLine(russian, posted.id);
        assertThat(inRussian.text(), containsString("ответ дан"));
        assertThat(inRussian.text(), containsString("The same answer, read in two languages."));
        assertThat("the answer's comment block too", inRussian.text(),
                containsString("Войдите, чтобы оставить комментарий"));
        Element inEnglish = answerLine(english, posted.id);
        assertThat(inEnglish.text(), containsString("answered"));
        assertThat(inEnglish.text(), not(containsString("ответ дан")));
        assertThat(inEnglish.text(), not(containsString("Войдите")));
        assertThat("a language the site lacks is English", answerLine(german, posted.id).text(),
                not(containsString("ответ дан")));
    }

    @Test
    void aMemberWhoChoseRussianGetsRussianWhateverTheirBrowserAsks() {
        Member reader = data.member("live-ru");
        data.execute("update member set locale = 'ru' where id = ?1", reader.id);
        Question question = data.question(data.member("asker"), "Does the setting outweigh the browser live?");
        String cookie = WebSession.loggedIn(reader.username).sessionCookie();
        LiveClient client = LiveClient.open(LiveClient.connector(base, question.id, null)
                .addHeader("Cookie", "qa-session=" + cookie).addHeader("Accept-Language", "en"));
        clients.add(client.ready());

        Answer posted = answers.answer(data.member("answerer").id, question.id,
                new AnswerInput("An answer for a member who reads in Russian."));

        assertThat(answerLine(client, posted.id).text(), containsString("ответ дан"));
    }

    @Test
    void aMemberWhoChoseRussianHearsOfANewAnswerInRussian() {
        Member me = data.member("me-ru");
        data.execute("update member set locale = 'ru' where id = ?1", me.id);
        Member ann = data.member("ann");
        long question = ApiPosts.ask(me, "Which language is the live inbox line in?", "inbox-live");
        String origin = base.toString().replaceAll("/$", "");
        URI socket = URI.create(origin.replaceFirst("^http", "ws") + "/ws/me");

        try (MeSocketTest.Me tab = MeSocketTest.Me.open(socket, WebSession.loggedIn(me.username).sessionCookie(),
                origin)) {
            await().atMost(WAIT).until(() -> tab.lastCount(), c -> c.equals(Optional.of(0L)));
            WebSession.loggedIn(ann.username).postJson("/api/v1/questions/" + question + "/answers",
                    Map.of("body", "An answer the asker hears of in Russian.")).then().statusCode(201);

            await().atMost(WAIT).until(() -> tab.frames().stream()
                    .anyMatch(f -> "notification".equals(f.path("type").asText())));
            JsonNode item = tab.frames().stream().filter(f -> "notification".equals(f.path("type").asText()))
                    .findFirst().orElseThrow();
            String line = Pages.document(item.path("html").asText()).text();
            assertThat(line, containsString("ответил на ваш вопрос"));
            assertThat(line.contains("answered your question"), equalTo(false));
        }
    }
}
