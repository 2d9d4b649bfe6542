package org.qasite.demo;

import java.util.SplittableRandom;

/**
 * The random draws of a demo plan, all from one seeded generator so that a seed always gives the same plan: a busy
 * site's shapes (heavy-tailed popularity, regulars who joined early), and picks by weight.
 */
final class DemoPlanDraws {

    /** How many tags a question has: the chance of 1, 2, 3, 4 and 5 tags. */
    static final double[] TAGS_PER_QUESTION = { 0.15, 0.30, 0.30, 0.15, 0.10 };

    private final SplittableRandom random;
    private final long[] memberCreated;

    /** {@code memberCreated}: when each member joined, in ascending order. */
    DemoPlanDraws(long seed, long[] memberCreated) {
        this.random = new SplittableRandom(seed);
        this.memberCreated = memberCreated;
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /**
     * A heavy-tailed (Pareto) weight between 1 and 40, about 3 on average: the cap keeps the busiest question near 130
     * answers (ten per question on average) instead of taking a large share of all of them.
     */
    double pareto() {
        return Math.min(40, Math.pow(1 - random.nextDouble(), -1 / 1.5));
    }

    /** {@code n} weights drawn with {@link #pareto()}. */
    double[] paretos(int n) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = pareto();
        }
        return weights;
    }

    /** An index drawn in proportion to its weight, given the weights' running sums. */
    int pick(double[] cumulative) {
        return upperBound(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
    }

    /** A member who had joined at the given time, favouring the older ones, who have had time to become regulars. */
    int activeMember(long time) {
        int joined = upperBound(memberCreated, time);
        double u = random.nextDouble();
        return (int) (Math.max(1, joined) * u * u);
    }

    /** How many tags a question gets. */
    int tagsPerQuestion() {
        double u = random.nextDouble();
        for (int i = 0; i < TAGS_PER_QUESTION.length; i++) {
            u -= TAGS_PER_QUESTION[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return TAGS_PER_QUESTION.length;
    }

    /** The running sums of the weights, for {@link #pick}. */
    static double[] cumulative(double[] weights) {
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
}
