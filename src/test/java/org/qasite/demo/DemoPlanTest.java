package org.qasite.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static final long NOW = 1_790_000_000_000L;

    @Test
    void hasTheRowsOfTheRatio() {
        DemoPlan plan = DemoPlan.create(50, 1, NOW);
        assertEquals(50, plan.members);
        assertEquals(50, plan.tags);
        assertEquals(500, plan.questions);
        assertEquals(5_000, plan.answers);
        assertEquals(3_000, plan.questionVoteList.length);
        assertEquals(7_000, plan.answerVoteList.length);
        int tagged = plan.questionTagList.length;
        assertTrue(tagged >= 500 && tagged <= 2_500, "1 to 5 tags per question: " + tagged);
        assertEquals(50 + 50 + 500 + tagged + 5_000 + 10_000, plan.rows());
    }

    @Test
    void countersMatchTheRowsTheyCount() {
        DemoPlan plan = DemoPlan.create(40, 2, NOW);
        int[] answerCount = new int[plan.questions];
        for (int a = 0; a < plan.answers; a++) {
            answerCount[plan.answerQuestion[a]]++;
        }
        for (int q = 0; q < plan.questions; q++) {
            assertEquals(answerCount[q], plan.questionAnswerCount[q]);
            assertEquals(sum(plan.questionVoteStart, plan.questionVoteList, q), plan.questionRating[q]);
        }
        for (int a = 0; a < plan.answers; a++) {
            assertEquals(sum(plan.answerVoteStart, plan.answerVoteList, a), plan.answerRating[a]);
        }
    }

    @Test
    void votesAreUniqueAndNeverOnOwnPosts() {
        DemoPlan plan = DemoPlan.create(30, 3, NOW);
        checkVotes(plan.questionVoteStart, plan.questionVoteList, plan.questionAuthor, plan.members);
        checkVotes(plan.answerVoteStart, plan.answerVoteList, plan.answerAuthor, plan.members);
        long down = 0;
        for (int vote : plan.answerVoteList) {
            down += DemoPlan.value(vote) < 0 ? 1 : 0;
        }
        assertTrue(down > 0 && down < plan.answerVoteList.length / 4, "mostly up votes, some down: " + down);
    }

    @Test
    void timesFollowTheStory() {
        DemoPlan plan = DemoPlan.create(30, 4, NOW);
        assertEquals(NOW - 365 * DemoPlan.DAY_MILLIS, plan.start);
        for (int q = 0; q < plan.questions; q++) {
            assertTrue(plan.questionCreated[q] >= plan.start && plan.questionCreated[q] <= NOW);
            assertTrue(q == 0 || plan.questionCreated[q - 1] <= plan.questionCreated[q], "question ids follow time");
            assertTrue(plan.memberCreated[plan.questionAuthor[q]] <= plan.questionCreated[q], "author joined first");
        }
        for (int a = 0; a < plan.answers; a++) {
            long created = plan.answerCreated[a];
            assertTrue(created > plan.questionCreated[plan.answerQuestion[a]] && created <= NOW, "answer after question");
            assertTrue(a == 0 || plan.answerCreated[a - 1] <= created, "answer ids follow time");
            assertTrue(plan.memberCreated[plan.answerAuthor[a]] <= created, "author joined first");
        }
    }

    @Test
    void acceptedAnswersBelongToTheirQuestion() {
        DemoPlan plan = DemoPlan.create(30, 5, NOW);
        int accepted = 0;
        for (int q = 0; q < plan.questions; q++) {
            int a = plan.questionAccepted[q];
            if (a >= 0) {
                accepted++;
                assertEquals(q, plan.answerQuestion[a]);
            }
        }
        assertTrue(accepted > plan.questions / 4, "some answers are accepted: " + accepted);
    }

    @Test
    void fewTagsArePopularAndQuestionsHaveOneToFiveDistinctTags() {
        DemoPlan plan = DemoPlan.create(200, 6, NOW);
        int[] uses = new int[plan.tags];
        for (int q = 0; q < plan.questions; q++) {
            int from = plan.questionTagStart[q];
            int to = plan.questionTagStart[q + 1];
            assertTrue(to - from >= 1 && to - from <= 5);
            Set<Integer> distinct = new HashSet<>();
            for (int i = from; i < to; i++) {
                assertTrue(distinct.add(plan.questionTagList[i]), "a tag appears once per question");
                uses[plan.questionTagList[i]]++;
            }
        }
        assertTrue(uses[0] > 10 * uses[plan.tags / 2], "the first tag is far more popular than a middle one");
    }

    @Test
    void smallRatiosGiveOnlyTheVotesThatArePossible() {
        // One member cannot vote at all: every post is their own.
        DemoPlan alone = DemoPlan.create(1, 7, NOW);
        assertEquals(0, alone.questionVoteList.length + alone.answerVoteList.length);
        // Two members: at most one vote per post.
        DemoPlan two = DemoPlan.create(2, 8, NOW);
        assertEquals(two.questions + two.answers, two.questionVoteList.length + two.answerVoteList.length);
        checkVotes(two.questionVoteStart, two.questionVoteList, two.questionAuthor, two.members);
        checkVotes(two.answerVoteStart, two.answerVoteList, two.answerAuthor, two.members);
        // From three members on, all 200·N votes fit.
        DemoPlan three = DemoPlan.create(3, 9, NOW);
        assertEquals(600, three.questionVoteList.length + three.answerVoteList.length);
        checkVotes(three.questionVoteStart, three.questionVoteList, three.questionAuthor, three.members);
        checkVotes(three.answerVoteStart, three.answerVoteList, three.answerAuthor, three.members);
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        DemoPlan a = DemoPlan.create(20, 10, NOW);
        DemoPlan b = DemoPlan.create(20, 10, NOW);
        DemoPlan c = DemoPlan.create(20, 11, NOW);
        assertEquals(Arrays.toString(a.answerVoteList), Arrays.toString(b.answerVoteList));
        assertNotEquals(Arrays.toString(a.answerVoteList), Arrays.toString(c.answerVoteList));
    }

    private static void checkVotes(int[] starts, int[] votes, int[] author, int members) {
        for (int p = 0; p < starts.length - 1; p++) {
            Set<Integer> voters = new HashSet<>();
            for (int i = starts[p]; i < starts[p + 1]; i++) {
                int voter = DemoPlan.voter(votes[i]);
                assertTrue(voter >= 0 && voter < members);
                assertNotEquals(author[p], voter, "no vote on one's own post");
                assertTrue(voters.add(voter), "one vote per member and post");
            }
        }
    }

    private static int sum(int[] starts, int[] votes, int post) {
        int sum = 0;
        for (int i = starts[post]; i < starts[post + 1]; i++) {
            sum += DemoPlan.value(votes[i]);
        }
        return sum;
    }
}
