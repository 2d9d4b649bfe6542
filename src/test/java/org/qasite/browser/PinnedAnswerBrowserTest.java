package org.qasite.browser;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.live.Rooms;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.question.QuestionResource;
import org.qasite.testsupport.PostChanges;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The pinned copy of the accepted answer follows its live changes: an edit brings its text, a deletion removes it. */
@QuarkusTest
class PinnedAnswerBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Inject
    PostChanges changes;

    @Inject
    Rooms rooms;

    @Test
    void thePinnedCopyTakesAnEditAndLeavesWithADeletion() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member author = data.member("answerer");
        Member asker = data.member("asker");
        Question question = data.question(asker, "Does the pinned answer follow its edits?");
        Answer accepted = data.answer(author, question, "The accepted answer, before its edit.");
        for (int i = 0; i < QuestionResource.ANSWERS_PER_PAGE; i++) {
            data.answer(data.member("other"), question, "A later answer number " + i + ".");
        }
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", accepted.id, question.id);
        WebDriver reader = Browser.start();
        try {
            reader.get(site.toString().replaceAll("/$", "") + "/questions/" + question.id);
            await().atMost(WAIT).until(() -> rooms.viewers(question.id).size() == 1);
            By pinnedBody = By.cssSelector("[data-pinned-answer='" + accepted.id + "'] .post-body");
            assertThat(reader.findElement(pinnedBody).getText(), equalTo("The accepted answer, before its edit."));

            changes.editAnswer(accepted.id, author.id, "The accepted answer, **after** its edit.");
            new WebDriverWait(reader, WAIT).until(ExpectedConditions.textToBe(pinnedBody,
                    "The accepted answer, after its edit."));
            assertThat("the list is untouched", reader.findElements(By.cssSelector("#answers [data-answer-id]")).size(),
                    equalTo(QuestionResource.ANSWERS_PER_PAGE));

            // the question's own line pointing to the accepted answer stays away after a live edit of the question,
            // as on the page: the pinned block shows that answer
            assertThat(reader.findElements(By.cssSelector("[data-accepted-line]")).size(), equalTo(0));
            changes.editQuestion(question.id, asker.id, "The question's body, edited while it is read.");
            new WebDriverWait(reader, WAIT).until(ExpectedConditions.textToBe(
                    By.cssSelector("article[data-question-id] .post-body"), "The question's body, edited while it is read."));
            assertThat(reader.findElements(By.cssSelector("[data-accepted-line]")).size(), equalTo(0));

            changes.deleteAnswer(accepted.id, author.id);
            new WebDriverWait(reader, WAIT).until(ExpectedConditions.numberOfElementsToBe(By.id("pinned-answer"), 0));
        } finally {
            reader.quit();
        }
    }
}
