package org.qasite.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Who posts, answers, tags and votes what, and when: everything about the demo data except its text, decided in
 * memory before the first row is written. The counters of a post (rating, answer count) and the accepted answers
 * depend on rows of other tables, so they are known here, before the posts are streamed to the database.
 * <p>
 * Members, questions, answers and tags are numbered from 0 here; the filler adds the first free id of each table.
 * Questions and answers are numbered in the order they were created, so their ids grow with their creation time.
 */
final class DemoPlan {

    static final long DAY_MILLIS = 86_400_000L;
    static final int DAYS = 365;

    /** The share of the votes that go to questions; the rest go to answers. */
    private static final double QUESTION_VOTE_SHARE = 0.3;
    private static final double ACCEPT_PROBABILITY = 0.6;

    final int members;
    final int tags;
    final int questions;
    final int answers;
    final long start;
    final long end;

    final long[] memberCreated;

    final long[] questionCreated;
    final int[] questionAuthor;
    final int[] questionAnswerCount;
    final int[] questionRating;
    /** The accepted answer of each question, or -1. */
    final int[] questionAccepted;
    /** How often each question was viewed: more than the people who answered or voted on it. */
    final long[] questionViews;
    /** The tags of question q are questionTagList[questionTagStart[q] .. questionTagStart[q + 1]). */
    final int[] questionTagStart;
    final int[] questionTagList;

    final int[] answerQuestion;
    final long[] answerCreated;
    final int[] answerAuthor;
    final int[] answerRating;

    /** The votes on question q are questionVoteList[questionVoteStart[q] .. questionVoteStart[q + 1]), see {@link #voter}. */
    final int[] questionVoteStart;
    final int[] questionVoteList;
    final int[] answerVoteStart;
    final int[] answerVoteList;

    /** Each step draws from one generator in turn: the order of the steps is part of what a seed gives. */
    private DemoPlan(int ratio, long seed, long now) {
        members = ratio;
        tags = ratio;
        questions = Math.multiplyExact(10, ratio);
        answers = Math.multiplyExact(100, ratio);
        end = now;
        start = now - DAYS * DAY_MILLIS;
        memberCreated = memberTimes();
        DemoPlanDraws draws = new DemoPlanDraws(seed, memberCreated);

        questionCreated = questionTimes(draws);
        questionAuthor = new int[questions];
        for (int q = 0; q < questions; q++) {
            questionAuthor[q] = draws.activeMember(questionCreated[q]);
        }
        // A few questions draw most answers and votes, as on any real site.
        double[] questionWeight = draws.paretos(questions);
        DemoPlanTags tagged = DemoPlanTags.draw(draws, questions, tags);
        questionTagStart = tagged.start();
        questionTagList = tagged.list();

        DemoPlanAnswers answered = DemoPlanAnswers.draw(draws, answers, questionCreated, questionAuthor,
                questionWeight, start, end);
        answerQuestion = answered.question();
        answerCreated = answered.created();
        answerAuthor = answered.author();
        questionAnswerCount = answered.perQuestion();

        double[] answerWeight = draws.paretos(answers);
        for (int a = 0; a < answers; a++) {
            answerWeight[a] *= Math.sqrt(questionWeight[answerQuestion[a]]); // a popular question's answers too
        }
        // 200·N votes, as far as one vote per member and post (none on one's own) allows.
        long questionVoteTarget = Math.min((long) (200L * ratio * QUESTION_VOTE_SHARE), (long) questions * (members - 1));
        long answerVoteTarget = Math.min(200L * ratio - questionVoteTarget, (long) answers * (members - 1));
        DemoPlanVotes questionVotes = DemoPlanVotes.draw(draws, members, questionWeight, questionAuthor,
                (int) questionVoteTarget);
        DemoPlanVotes answerVotes = DemoPlanVotes.draw(draws, members, answerWeight, answerAuthor,
                (int) answerVoteTarget);
        questionVoteStart = questionVotes.start();
        questionVoteList = questionVotes.list();
        answerVoteStart = answerVotes.start();
        answerVoteList = answerVotes.list();
        questionRating = questionVotes.ratings();
        answerRating = answerVotes.ratings();

        questionAccepted = acceptedAnswers(draws);
        // Drawn last, so the rest of the plan stays what the seed gave it before views existed.
        questionViews = views(draws);
    }

    /** Members join steadily over the first nine tenths of the year, so the last weeks have no brand-new members. */
    private long[] memberTimes() {
        long[] created = new long[members];
        for (int m = 0; m < members; m++) {
            created[m] = start + (long) ((end - start) * 0.9 * m / members);
        }
        return created;
    }

    /** Questions come at any time of the year, in the order of their numbers. */
    private long[] questionTimes(DemoPlanDraws draws) {
        long[] created = new long[questions];
        for (int q = 0; q < questions; q++) {
            // Not in the last hour, so every question has time for answers and votes after it.
            created[q] = start + (long) (draws.uniform() * (end - start - 3_600_000L));
        }
        Arrays.sort(created);
        return created;
    }

    /** Each question's views: a few for each person who answered or voted on it, more for some. */
    private long[] views(DemoPlanDraws draws) {
        long[] views = new long[questions];
        for (int q = 0; q < questions; q++) {
            int engaged = questionAnswerCount[q] + questionVoteStart[q + 1] - questionVoteStart[q];
            views[q] = (long) ((1 + engaged) * (3 + 5 * draws.pareto()));
        }
        return views;
    }

    /** Each question's best answer (the earliest on a tie), accepted more often than not; -1 for none. */
    private int[] acceptedAnswers(DemoPlanDraws draws) {
        int[] accepted = new int[questions];
        Arrays.fill(accepted, -1);
        int[] best = new int[questions];
        Arrays.fill(best, -1);
        for (int a = 0; a < answers; a++) {
            int q = answerQuestion[a];
            // Answers are in creation order, so on a tie the earliest answer stays the best one.
            if (best[q] < 0 || answerRating[a] > answerRating[best[q]]) {
                best[q] = a;
            }
        }
        for (int q = 0; q < questions; q++) {
            if (best[q] >= 0 && draws.uniform() < ACCEPT_PROBABILITY) {
                accepted[q] = best[q];
            }
        }
        return accepted;
    }

    /** Plans the demo data of ratio N: N members and tags, 10·N questions, 100·N answers, up to 200·N votes. */
    static DemoPlan create(int ratio, long seed, long nowMillis) {
        if (ratio < 1) {
            throw new IllegalArgumentException("The ratio must be at least 1.");
        }
        return new DemoPlan(ratio, seed, nowMillis);
    }

    long rows() {
        return (long) members + tags + questions + questionTagList.length + answers + questionVoteList.length
                + answerVoteList.length;
    }

    /** The member who cast an encoded vote. */
    static int voter(int vote) {
        return Math.abs(vote) - 1;
    }

    /** The value (+1 or −1) of an encoded vote. */
    static int value(int vote) {
        return vote > 0 ? 1 : -1;
    }

    /** When a vote was cast: after the post and after the voter joined. */
    long voteTime(SplittableRandom random, long postCreated, int vote) {
        long from = Math.max(postCreated, memberCreated[voter(vote)]);
        double u = random.nextDouble();
        // Most votes come soon after the post is written.
        return from + (long) ((end - from) * u * u);
    }
}
