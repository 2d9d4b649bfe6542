package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.qasite.testsupport.Pages.hasElement;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.events.Position;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.AnswerInput;
import org.qasite.question.AnswerService;
import org.qasite.question.Comment;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.PostChanges;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;

/** Edits, deletions and comments reach every reader of the question, like new answers: once, in order, and replayed. */
@QuarkusTest
class LivePostsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestData data;

    @Inject
    PostChanges changes;

    @Inject
    AnswerService answers;

    @Inject
    @RedisClientName("streams")
    RedisDataSource streams;

    private final List<LiveClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(LiveClient::close);
    }

    private LiveClient visitor(long questionId, String since) {
        LiveClient client = LiveClient.open(base, questionId, since);
        clients.add(client);
        return client.ready();
    }

    private LiveClient member(long questionId, Member member) {
        return member(questionId, member, null);
    }

    private LiveClient member(long questionId, Member member, String since) {
        LiveClient client = LiveClient.open(memberConnector(questionId, member, since));
        clients.add(client);
        return client.ready();
    }

    private BasicWebSocketConnector memberConnector(long questionId, Member member, String since) {
        return LiveClient.connector(base, questionId, since).addHeader("Cookie",
                "qa-session=" + WebSession.loggedIn(member.username).sessionCookie());
    }

    @Test
    void anEditedAnswerReachesItsReadersAndASecondEditSoonAfterComesWithItsOwnText() {
        Member author = data.member("answerer");
        Question question = data.question(data.member("asker"), "Which text does an edited answer show live?");
        Answer answer = data.answer(author, question, "The answer as first written, before any edit.");
        LiveClient reader = visitor(question.id, null);
        LiveClient own = member(question.id, author);

        changes.editAnswer(answer.id, author.id, "The answer after its *first* edit.");
        await().atMost(WAIT).until(() -> reader.frames("answer-updated").size() == 1
                && own.frames("answer-updated").size() == 1);
        JsonNode first = reader.frames("answer-updated").get(0);
        assertThat(first.path("answerId").asLong(), equalTo(answer.id));
        assertThat(first.path("change").asText(), equalTo("edited"));
        assertThat(first.path("answers").asInt(), equalTo(1));
        assertThat(first.path("html").asText(), hasElement("[data-answer-id=" + answer.id + "] .post-body em",
                equalTo("first")));
        assertThat("the author cannot vote on their own answer", own.frames("answer-updated").get(0).path("html")
                .asText(), hasElement("button[data-vote][disabled][title='You cannot vote on your own post']"));
        assertThat(first.path("html").asText(), not(hasElement("button[data-vote][disabled]")));

        // Within the half minute the rendered answers are kept: the second edit is sent with its own text all the same.
        changes.editAnswer(answer.id, author.id, "The answer after its second edit.");
        await().atMost(WAIT).until(() -> reader.frames("answer-updated").size() == 2);
        JsonNode second = reader.frames("answer-updated").get(1);
        assertThat(second.path("html").asText(), hasElement("[data-answer-id=" + answer.id + "] .post-body",
                equalTo("The answer after its second edit.")));
        assertThat(Position.parse(second.path("position").asText())
                .isAfter(Position.parse(first.path("position").asText())), equalTo(true));
        assertThat("nothing else was sent", reader.changes().size(), equalTo(2));
    }

    @Test
    void anEditedQuestionReachesItsReadersAndItsAuthorKeepsTheirOwnView() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Does an edited question change live?");
        LiveClient reader = visitor(question.id, null);
        LiveClient own = member(question.id, asker);

        changes.editQuestion(question.id, asker.id, "The question's body, now **clearer** than before.");
        await().atMost(WAIT).until(() -> !reader.frames("question-updated").isEmpty()
                && !own.frames("question-updated").isEmpty());
        String html = reader.frames("question-updated").get(0).path("html").asText();
        assertThat(html, hasElement("article[data-question-id=" + question.id + "] .post-body strong",
                equalTo("clearer")));
        assertThat(html, hasElement("h1", equalTo("Does an edited question change live?")));
        assertThat(html, not(hasElement("button[data-vote][disabled]")));
        assertThat(own.frames("question-updated").get(0).path("html").asText(),
                hasElement("button[data-vote-for='question-" + question.id + "'][disabled]"));
        assertThat(reader.frames("question-updated").get(0).path("change").asText(), equalTo("edited"));
    }

    @Test
    void aDeletedAnswerLeavesItsReadersPagesWithTheCountAndComesBackWhenUndeleted() {
        Member author = data.member("answerer");
        Question question = data.question(data.member("asker"), "What do readers see of a deleted answer?");
        answers.answer(data.member("other").id, question.id, new AnswerInput("An answer that stays where it is."));
        Answer answer = answers.answer(author.id, question.id, new AnswerInput("An answer its author takes back."));
        LiveClient reader = visitor(question.id, null);

        changes.deleteAnswer(answer.id, author.id);
        await().atMost(WAIT).until(() -> !reader.frames("answer-deleted").isEmpty());
        JsonNode deleted = reader.frames("answer-deleted").get(0);
        assertThat(deleted.path("answerId").asLong(), equalTo(answer.id));
        assertThat(deleted.path("answers").asInt(), equalTo(1));
        assertThat(deleted.has("html"), equalTo(false));

        changes.undeleteAnswer(answer.id, author.id);
        await().atMost(WAIT).until(() -> !reader.frames("answer-updated").isEmpty());
        JsonNode back = reader.frames("answer-updated").get(0);
        assertThat(back.path("change").asText(), equalTo("undeleted"));
        assertThat(back.path("answers").asInt(), equalTo(2));
        assertThat(back.path("html").asText(), hasElement("[data-answer-id=" + answer.id + "] .post-body",
                equalTo("An answer its author takes back.")));
    }

    @Test
    void aDeletedQuestionIsToldToItsReadersAndAnUndeletedOneShownAgain() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Is a deleted question told to its readers?");
        LiveClient reader = visitor(question.id, null);

        changes.deleteQuestion(question.id, asker.id);
        await().atMost(WAIT).until(() -> !reader.frames("question-deleted").isEmpty());
        assertThat(reader.frames("question-deleted").get(0).has("html"), equalTo(false));

        changes.undeleteQuestion(question.id, asker.id);
        await().atMost(WAIT).until(() -> !reader.frames("question-updated").isEmpty());
        JsonNode back = reader.frames("question-updated").get(0);
        assertThat(back.path("change").asText(), equalTo("undeleted"));
        assertThat(back.path("html").asText(), hasElement("article[data-question-id=" + question.id + "]"));
        assertThat(reader.changes().stream().map(f -> f.path("type").asText()).toList(),
                contains("question-deleted", "question-updated"));
    }

    @Test
    void commentsAndTheirDeletionReachTheReadersOfTheirPost() {
        Member commenter = data.member("commenter");
        Question question = data.question(data.member("asker"), "Where do live comments go?");
        Answer answer = data.answer(data.member("answerer"), question, "An answer that someone comments on.");
        LiveClient reader = visitor(question.id, null);

        Comment onQuestion = changes.comment(commenter.id, question.id, null, "A comment on the <b>question</b>.");
        Comment onAnswer = changes.comment(commenter.id, question.id, answer.id, "A comment on the answer itself.");
        await().atMost(WAIT).until(() -> reader.frames("comment").size() == 2);
        JsonNode first = reader.frames("comment").get(0);
        assertThat(first.path("postId").asText(), equalTo("question-" + question.id));
        assertThat(first.path("commentId").asLong(), equalTo(onQuestion.id));
        assertThat("member text arrives escaped", first.path("html").asText(),
                hasElement("[data-comment-id=" + onQuestion.id + "]", containsString("<b>question</b>")));
        JsonNode second = reader.frames("comment").get(1);
        assertThat(second.path("postId").asText(), equalTo("answer-" + answer.id));
        assertThat(second.path("html").asText(), hasElement("[data-comment-id=" + onAnswer.id + "]",
                containsString("A comment on the answer itself.")));

        changes.deleteComment(onAnswer.id);
        await().atMost(WAIT).until(() -> !reader.frames("comment-deleted").isEmpty());
        JsonNode deleted = reader.frames("comment-deleted").get(0);
        assertThat(deleted.path("commentId").asLong(), equalTo(onAnswer.id));
        assertThat(deleted.path("postId").asText(), equalTo("answer-" + answer.id));
    }

    @Test
    void aReconnectReplaysTheEditsDeletionsAndCommentsItMissedInStreamOrder() {
        Member asker = data.member("asker");
        Member author = data.member("answerer");
        Question question = data.question(asker, "What changed while I was away?");
        Question elsewhere = data.question(asker, "A question the reader does not have open");
        Answer edited = data.answer(author, question, "An answer edited while the reader is away.");
        Answer deleted = data.answer(author, question, "An answer deleted while the reader is away.");
        Answer other = data.answer(author, elsewhere, "An answer to the other question.");
        String position = pagePosition(question.id);

        changes.editAnswer(edited.id, author.id, "The edited answer, as the reader finds it on return.");
        changes.editAnswer(other.id, author.id, "An edit on another question, which the reader must not get.");
        Comment comment = changes.comment(asker.id, question.id, edited.id, "A comment made while the reader was away.");
        changes.deleteAnswer(deleted.id, author.id);
        changes.editQuestion(question.id, asker.id, "The question, edited while the reader was away.");
        await().atMost(WAIT).until(() -> entriesAfter(position) >= 5);

        LiveClient client = visitor(question.id, position);
        await().atMost(WAIT).until(() -> client.changes().size() >= 4);
        assertThat(client.received.toString(), client.changes().stream().map(f -> f.path("type").asText()).toList(),
                contains("answer-updated", "comment", "answer-deleted", "question-updated"));
        assertThat(client.frames("answer-updated").get(0).path("html").asText(),
                containsString("The edited answer, as the reader finds it on return."));
        assertThat(client.frames("comment").get(0).path("commentId").asLong(), equalTo(comment.id));
        assertThat(client.frames("answer-deleted").get(0).path("answerId").asLong(), equalTo(deleted.id));
        assertThat(client.gotReload(), equalTo(false));

        // Coming back from the last position it was given, it gets what came after, and nothing twice.
        String last = client.changes().get(3).path("position").asText();
        client.close();
        changes.deleteComment(comment.id);
        LiveClient again = visitor(question.id, last);
        await().atMost(WAIT).until(() -> !again.frames("comment-deleted").isEmpty());
        assertThat(again.changes().stream().map(f -> f.path("type").asText()).toList(), contains("comment-deleted"));
    }

    @Test
    void anAnswerDeletedBeforeTheReplayIsNotShownByIt() {
        Member author = data.member("answerer");
        Question question = data.question(data.member("asker"), "Is a deleted answer ever replayed?");
        String position = pagePosition(question.id);
        Answer answer = answers.answer(author.id, question.id, new AnswerInput("Posted and deleted while nobody read."));
        changes.deleteAnswer(answer.id, author.id);
        await().atMost(WAIT).until(() -> entriesAfter(position) >= 2);

        LiveClient client = visitor(question.id, position);
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.received.toString(),
                client.frames("answer-deleted").isEmpty(), equalTo(false)));
        assertThat("the deleted text is not sent", client.answers(), empty());
        assertThat(client.frames("answer-deleted").get(0).path("answers").asInt(), equalTo(0));
    }

    @Test
    void aReplayTellsOfADeletedQuestionAndSendsNothingItHeld() {
        Member asker = data.member("asker");
        Member author = data.member("answerer");
        Question question = data.question(asker, "What does a replay tell of a deleted question?");
        Answer answer = data.answer(author, question, "An answer to a question that is deleted later on.");
        Answer taken = data.answer(author, question, "An answer taken back and put back again.");
        String position = pagePosition(question.id);

        answers.answer(author.id, question.id, new AnswerInput("Secret answer posted just before the deletion."));
        changes.editAnswer(answer.id, author.id, "Secret edit of the answer just before the question went.");
        changes.deleteAnswer(taken.id, author.id);
        changes.undeleteAnswer(taken.id, author.id);
        changes.comment(asker.id, question.id, null, "Secret comment on the question before it went.");
        changes.comment(asker.id, question.id, answer.id, "Secret comment on the answer before the question went.");
        changes.deleteQuestion(question.id, asker.id);
        await().atMost(WAIT).until(() -> entriesAfter(position) >= 7);

        // Only its author may still open its page; even they get no answer or comment of it, only that it went.
        LiveClient client = member(question.id, asker, position);
        await().atMost(WAIT).until(() -> !client.frames("question-deleted").isEmpty());
        assertThat(client.received.toString(), client.changes().stream().map(f -> f.path("type").asText()).toList(),
                contains("answer-deleted", "question-deleted"));
        assertThat(client.received.toString(), not(containsString("Secret")));
        assertThat(client.gotReload(), equalTo(false));
    }

    @Test
    void theCommentsOfADeletedAnswerAreNotReplayed() {
        Member author = data.member("answerer");
        Question question = data.question(data.member("asker"), "Are the comments of a deleted answer replayed?");
        Answer answer = data.answer(author, question, "An answer deleted right after a comment on it.");
        String position = pagePosition(question.id);
        changes.comment(data.member("commenter").id, question.id, answer.id, "Secret comment on a doomed answer.");
        changes.deleteAnswer(answer.id, author.id);
        await().atMost(WAIT).until(() -> entriesAfter(position) >= 2);

        LiveClient client = visitor(question.id, position);
        await().atMost(WAIT).until(() -> !client.frames("answer-deleted").isEmpty());
        assertThat(client.received.toString(), client.changes().stream().map(f -> f.path("type").asText()).toList(),
                contains("answer-deleted"));
        assertThat(client.received.toString(), not(containsString("Secret")));
    }

    @Test
    void theRoomOfADeletedQuestionIsOpenToItsAuthorOnly() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Who may still follow a deleted question?");
        changes.deleteQuestion(question.id, asker.id);

        RuntimeException visitor = assertThrows(RuntimeException.class, () -> LiveClient.open(base, question.id, null));
        assertThat(String.valueOf(visitor.getMessage()), containsString("404"));
        RuntimeException other = assertThrows(RuntimeException.class,
                () -> LiveClient.open(memberConnector(question.id, data.member("other"), null)));
        assertThat(String.valueOf(other.getMessage()), containsString("404"));

        LiveClient author = member(question.id, asker);
        assertThat(author.viewerCounts(), contains(1));
    }

    @Test
    void commentsMadeWhileAReaderJoinsReachItOnceEachAndInOrder() {
        Member commenter = data.member("commenter");
        Question question = data.question(data.member("asker"), "Does a reader who joins in a burst miss a comment?");
        String position = pagePosition(question.id);
        List<Long> made = new ArrayList<>();
        changes.comment(commenter.id, question.id, null, "A comment made before the reader joined.");
        // The comments go on while the reader connects: some come by the replay, some by the live reader, maybe both.
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 12; i++) {
                made.add(changes.comment(commenter.id, question.id, null, "Comment number " + i + " of a burst.").id);
            }
        });
        LiveClient client = visitor(question.id, position);
        burst.join();
        await().atMost(WAIT).until(() -> client.frames("comment").size() >= 13);
        List<Long> got = client.frames("comment").stream().map(f -> f.path("commentId").asLong()).toList();
        assertThat(got.subList(1, got.size()), equalTo(made));
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> client.frames("comment").size() == 13);
        List<Position> positions = client.changes().stream().map(f -> Position.parse(f.path("position").asText()))
                .toList();
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i).isAfter(positions.get(i - 1)), equalTo(true));
        }
    }

    /** The stream position the question page embeds for its script, once the stream holds nothing newer. */
    private String pagePosition(long questionId) {
        if (newestEntry().equals("0-0")) { // a page of an empty stream says 0-0, too old to replay from once entries come
            answers.answer(data.member("first").id, data.question(data.member("asker"), "The stream's first entry").id,
                    new AnswerInput("An answer, so that the stream has an entry."));
        }
        WebSession session = WebSession.visitor();
        await().atMost(WAIT).until(() -> position(session, questionId).equals(newestEntry()));
        return position(session, questionId);
    }

    private static String position(WebSession session, long questionId) {
        Document page = Pages.document(session.get(session.questionPath(questionId)).then().statusCode(200).extract()
                .response());
        return Pages.one(page, "[data-live-position]").attr("data-live-position");
    }

    private long entriesAfter(String position) {
        return streams.stream(String.class, String.class, String.class)
                .xrange("qa:events", StreamRange.of("(" + position, "+")).size();
    }

    private String newestEntry() {
        var newest = streams.stream(String.class, String.class, String.class).xrevrange("qa:events",
                StreamRange.of("+", "-"), 1);
        return newest.isEmpty() ? "0-0" : newest.get(0).id();
    }
}
