package org.qasite.demo;

/**
 * The votes of a demo plan on one kind of post: each vote encoded as one int, its voter's number plus one, negative for
 * a down vote ({@link DemoPlan#voter}, {@link DemoPlan#value}); grouped by post, the votes on post p are
 * {@code list[start[p] .. start[p + 1])}.
 */
record DemoPlanVotes(int[] start, int[] list) {

    private static final double UPVOTE_PROBABILITY = 0.86;

    /**
     * Spreads {@code target} votes over the posts by weight, at most one per member and post and none by the post's
     * author.
     */
    static DemoPlanVotes draw(DemoPlanDraws draws, int members, double[] weight, int[] author, int target) {
        int posts = weight.length;
        int[] count = new int[posts];
        int cap = members - 1;
        if (cap > 0 && posts > 0) {
            double[] cumulative = DemoPlanDraws.cumulative(weight);
            for (int v = 0; v < target; v++) {
                int p = draws.pick(cumulative);
                // The target never exceeds posts × cap, so a post with room is always found.
                while (count[p] >= cap) {
                    p = p + 1 == posts ? 0 : p + 1;
                }
                count[p]++;
            }
        }
        int[] starts = new int[posts + 1];
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
                    int j = i + draws.below(cap - i);
                    int swap = candidates[i];
                    candidates[i] = candidates[j];
                    candidates[j] = swap;
                    votes[n++] = encode(draws, candidates[i]);
                }
            } else {
                // Few voters among many members: draw, favouring the older (more active) members, and skip repeats.
                int stamp = p + 1;
                for (int i = 0; i < c;) {
                    int m = (int) (members * Math.pow(draws.uniform(), 1.3));
                    if (m != author[p] && seen[m] != stamp) {
                        seen[m] = stamp;
                        votes[n++] = encode(draws, m);
                        i++;
                    }
                }
            }
        }
        starts[posts] = n;
        return new DemoPlanVotes(starts, votes);
    }

    private static int encode(DemoPlanDraws draws, int member) {
        return draws.uniform() < UPVOTE_PROBABILITY ? member + 1 : -(member + 1);
    }

    /** Each post's rating: the sum of its votes' values. */
    int[] ratings() {
        int[] rating = new int[start.length - 1];
        for (int p = 0; p < rating.length; p++) {
            for (int i = start[p]; i < start[p + 1]; i++) {
                rating[p] += DemoPlan.value(list[i]);
            }
        }
        return rating;
    }
}
