package org.qasite.question;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The lengths the server accepts for titles and bodies, for the editors' counters ({@code inject:postLimits}): the
 * page shows the same limits that validation enforces, from the same constants.
 */
@Named("postLimits")
@ApplicationScoped
public class PostLimits {

    public int getTitleMin() {
        return Question.MIN_TITLE;
    }

    public int getTitleMax() {
        return Question.MAX_TITLE;
    }

    public int getQuestionMin() {
        return Question.MIN_BODY;
    }

    public int getQuestionMax() {
        return Question.MAX_BODY;
    }

    public int getAnswerMin() {
        return Answer.MIN_BODY;
    }

    public int getAnswerMax() {
        return Answer.MAX_BODY;
    }
}
