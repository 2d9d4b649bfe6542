package org.qasite.demo;

import java.util.Arrays;

/**
 * The tags of each question of a demo plan: distinct tags drawn with a Zipf distribution, the tag at rank r chosen in
 * proportion to 1 / (r + 1). The tags of question q are {@code list[start[q] .. start[q + 1])}.
 */
record DemoPlanTags(int[] start, int[] list) {

    static DemoPlanTags draw(DemoPlanDraws draws, int questions, int tags) {
        double[] weights = new double[tags];
        for (int t = 0; t < tags; t++) {
            weights[t] = 1.0 / (t + 1);
        }
        double[] cumulative = DemoPlanDraws.cumulative(weights);
        int[] start = new int[questions + 1];
        int[] list = new int[questions * DemoPlanDraws.TAGS_PER_QUESTION.length];
        int end = 0;
        for (int q = 0; q < questions; q++) {
            start[q] = end;
            end = pick(draws, cumulative, list, end, draws.tagsPerQuestion());
        }
        start[questions] = end;
        return new DemoPlanTags(start, Arrays.copyOf(list, end));
    }

    /** Adds {@code wanted} distinct tags (fewer if there are not that many) at {@code from}; returns the new end. */
    private static int pick(DemoPlanDraws draws, double[] cumulative, int[] list, int from, int wanted) {
        int count = Math.min(wanted, cumulative.length);
        int end = from;
        while (end - from < count) {
            int tag = draws.pick(cumulative);
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
