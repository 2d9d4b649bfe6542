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
    private static final double UPVOTE_PROBABILITY = 0.86;
    private static final double ACCEPT_PROBABILITY = 0.6;
    /** How many tags a question has: the chance of 1, 2, 3, 4 and 5 tags. */
    private static final double[] TAGS_PER_QUESTION = { 0.15, 0.30, 0.30, 0.15, 0.10 };

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

    /** The votes on question q are questionVoteList[questionVoteStart[q] .. questionVoteStart[q + 1]), see {@link #vote}. */
    final int[] questionVoteStart;
    final int[] questionVoteList;
    final int[] answerVoteStart;
    final int[] answerVoteList;

    private final SplittableRandom random;

    private DemoPlan(int ratio, long seed, long now) {
        random = new SplittableRandom(seed);
        members = ratio;
        tags = ratio;
        questions = Math.multiplyExact(10, ratio);
        answers = Math.multiplyExact(100, ratio);
        end = now;
        start = now - DAYS * DAY_MILLIS;

        // Members join steadily over the first nine tenths of the year, so the last weeks have no brand-new members.
        memberCreated = new long[members];
        for (int m = 0; m < members; m++) {
            memberCreated[m] = start + (long) ((end - start) * 0.9 * m / members);
        }

        questionCreated = new long[questions];
        for (int q = 0; q < questions; q++) {
            // Not in the last hour, so every question has time for answers and votes after it.
            questionCreated[q] = start + (long) (random.nextDouble() * (end - start - 3_600_000L));
        }
        Arrays.sort(questionCreated);
        questionAuthor = new int[questions];
        for (int q = 0; q < questions; q++) {
            questionAuthor[q] = activeMember(questionCreated[q]);
        }
        // A few questions draw most answers and votes, as on any real site.
        double[] questionWeight = new double[questions];
        for (int q = 0; q < questions; q++) {
            questionWeight[q] = pareto();
        }

        questionTagStart = new int[questions + 1];
        int[] tagList = new int[questions * TagPicker.MAX];
        TagPicker tagPicker = new TagPicker(tags);
        int tagCount = 0;
        for (int q = 0; q < questions; q++) {
            questionTagStart[q] = tagCount;
            tagCount = tagPicker.pick(random, tagList, tagCount, tagsFor());
        }
        questionTagStart[questions] = tagCount;
        questionTagList = Arrays.copyOf(tagList, tagCount);

        answerQuestion = new int[answers];
        answerCreated = new long[answers];
        answerAuthor = new int[answers];
        questionAnswerCount = new int[questions];
        planAnswers(questionWeight);

        double[] answerWeight = new double[answers];
        for (int a = 0; a < answers; a++) {
            answerWeight[a] = Math.sqrt(questionWeight[answerQuestion[a]]) * pareto();
        }
        long totalVotes = 200L * ratio;
        long questionVoteTarget = Math.min((long) (totalVotes * QUESTION_VOTE_SHARE), (long) questions * (members - 1));
        long answerVoteTarget = Math.min(totalVotes - questionVoteTarget, (long) answers * (members - 1));
        questionVoteStart = new int[questions + 1];
        questionVoteList = planVotes(questionWeight, questionAuthor, (int) questionVoteTarget, questionVoteStart);
        answerVoteStart = new int[answers + 1];
        answerVoteList = planVotes(answerWeight, answerAuthor, (int) answerVoteTarget, answerVoteStart);
        questionRating = ratings(questionVoteStart, questionVoteList);
        answerRating = ratings(answerVoteStart, answerVoteList);

        questionAccepted = new int[questions];
        Arrays.fill(questionAccepted, -1);
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
            if (best[q] >= 0 && random.nextDouble() < ACCEPT_PROBABILITY) {
                questionAccepted[q] = best[q];
            }
        }

        // Drawn last, so the rest of the plan stays what the seed gave it before views existed.
        questionViews = new long[questions];
        for (int q = 0; q < questions; q++) {
            int engaged = questionAnswerCount[q] + questionVoteStart[q + 1] - questionVoteStart[q];
            questionViews[q] = (long) ((1 + engaged) * (3 + 5 * pareto()));
        }
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

    private void planAnswers(double[] questionWeight) {
        double[] cumulative = cumulative(questionWeight);
        long[] keys = new long[answers];
        long[] created = new long[answers];
        int[] question = new int[answers];
        for (int a = 0; a < answers; a++) {
            int q = pick(cumulative);
            long from = questionCreated[q] + 60_000L;
            double u = random.nextDouble();
            // Most answers come within days, a few months later.
            long time = from + (long) ((end - from) * u * u * u * u);
            question[a] = q;
            created[a] = time;
            // Sorting on (time since start, original number) puts the answers in creation order; 35 bits hold a
            // year of milliseconds, 28 bits the answer number (the ratio is capped well below that).
            keys[a] = (time - start) << 28 | a;
        }
        Arrays.sort(keys);
        for (int a = 0; a < answers; a++) {
            int original = (int) (keys[a] & ((1 << 28) - 1));
            answerQuestion[a] = question[original];
            answerCreated[a] = created[original];
            questionAnswerCount[question[original]]++;
        }
        for (int a = 0; a < answers; a++) {
            int asker = questionAuthor[answerQuestion[a]];
            int author = activeMember(answerCreated[a]);
            // Members rarely answer their own question; a few tries are enough to avoid it most of the time.
            for (int attempt = 0; attempt < 4 && author == asker; attempt++) {
                author = activeMember(answerCreated[a]);
            }
            answerAuthor[a] = author;
        }
    }

    /**
     * Spreads {@code target} votes over the posts by weight, at most one per member and post and none by the post's
     * author; returns the votes, grouped by post, with the offsets of each post's group in {@code starts}.
     */
    private int[] planVotes(double[] weight, int[] author, int target, int[] starts) {
        int posts = weight.length;
        int[] count = new int[posts];
        int cap = members - 1;
        if (cap > 0 && posts > 0) {
            double[] cumulative = cumulative(weight);
            for (int v = 0; v < target; v++) {
                int p = pick(cumulative);
                // The target never exceeds posts × cap, so a post with room is always found.
                while (count[p] >= cap) {
                    p = p + 1 == posts ? 0 : p + 1;
                }
                count[p]++;
            }
        }
        int[] votes = new int[target];
        int[] seen = new int[members];
        int[] candidates = null;
        int n = 0;
        for (int p = 0; p < posts; p++) {
            starts[p] = n;
            int c = count[p];
            if (c * 2 > cap) {
                // Most members vote on this post: shuffle all candidates and take the first ones.
                if (candidates == null) {
                    candidates = new int[cap];
                }
                int k = 0;
                for (int m = 0; m < members; m++) {
                    if (m != author[p]) {
                        candidates[k++] = m;
                    }
                }
                for (int i = 0; i < c; i++) {
                    int j = i + random.nextInt(cap - i);
                    int swap = candidates[i];
                    candidates[i] = candidates[j];
                    candidates[j] = swap;
                    votes[n++] = encode(candidates[i]);
                }
            } else {
                // Few voters among many members: draw, favouring the older (more active) members, and skip repeats.
                int stamp = p + 1;
                for (int i = 0; i < c;) {
                    int m = (int) (members * Math.pow(random.nextDouble(), 1.3));
                    if (m != author[p] && seen[m] != stamp) {
                        seen[m] = stamp;
                        votes[n++] = encode(m);
                        i++;
                    }
                }
            }
        }
        starts[posts] = n;
        return votes;
    }

    private int encode(int member) {
        return random.nextDouble() < UPVOTE_PROBABILITY ? member + 1 : -(member + 1);
    }

    private static int[] ratings(int[] starts, int[] votes) {
        int[] rating = new int[starts.length - 1];
        for (int p = 0; p < rating.length; p++) {
            for (int i = starts[p]; i < starts[p + 1]; i++) {
                rating[p] += value(votes[i]);
            }
        }
        return rating;
    }

    /** A member who had joined at the given time, favouring the older ones, who have had time to become regulars. */
    private int activeMember(long time) {
        int joined = upperBound(memberCreated, time);
        double u = random.nextDouble();
        return (int) (Math.max(1, joined) * u * u);
    }

    private int tagsFor() {
        double u = random.nextDouble();
        for (int i = 0; i < TAGS_PER_QUESTION.length; i++) {
            u -= TAGS_PER_QUESTION[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return TAGS_PER_QUESTION.length;
    }

    /**
     * A heavy-tailed (Pareto) weight between 1 and 40, about 3 on average: the cap keeps the busiest question near 130
     * answers (ten per question on average) instead of taking a large share of all of them.
     */
    private double pareto() {
        return Math.min(40, Math.pow(1 - random.nextDouble(), -1 / 1.5));
    }

    private int pick(double[] cumulative) {
        return upperBound(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** The number of values that are at most {@code key}, in an ascending array. */
    private static int upperBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first index whose cumulative weight exceeds {@code key}, never past the last one. */
    private static int upperBound(double[] cumulative, double key) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Draws distinct tags with a Zipf distribution: the tag at rank r is chosen in proportion to 1 / (r + 1). */
    private static final class TagPicker {
        static final int MAX = TAGS_PER_QUESTION.length;

        private final double[] cumulative;

        TagPicker(int tags) {
            double[] weights = new double[tags];
            for (int t = 0; t < tags; t++) {
                weights[t] = 1.0 / (t + 1);
            }
            cumulative = DemoPlan.cumulative(weights);
        }

        /** Adds {@code wanted} distinct tags (fewer if there are not that many) at {@code from}; returns the new end. */
        int pick(SplittableRandom random, int[] list, int from, int wanted) {
            int count = Math.min(wanted, cumulative.length);
            int end = from;
            while (end - from < count) {
                int tag = upperBound(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
                boolean repeated = false;
                for (int i = from; i < end; i++) {
                    repeated |= list[i] == tag;
                }
                if (!repeated) {
                    list[end++] = tag;
                }
            }
            return end;
        }
    }
}
