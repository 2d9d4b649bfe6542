package org.qasite.demo;

import java.util.Arrays;

/**
 * The answers of a demo plan, numbered in the order they were written: which question each answers ({@code question}),
 * when ({@code created}) and by whom ({@code author}); and how many answers each question got ({@code perQuestion}).
 */
record DemoPlanAnswers(int[] question, long[] created, int[] author, int[] perQuestion) {

    /**
     * Draws {@code answers} answers over the questions by their weight, each after its question and mostly soon after
     * it, by a member who had joined by then (rarely the question's own author).
     */
    static DemoPlanAnswers draw(DemoPlanDraws draws, int answers, long[] questionCreated, int[] questionAuthor,
            double[] questionWeight, long start, long end) {
        double[] cumulative = DemoPlanDraws.cumulative(questionWeight);
        long[] keys = new long[answers];
        long[] drawnCreated = new long[answers];
        int[] drawnQuestion = new int[answers];
        for (int a = 0; a < answers; a++) {
            int q = draws.pick(cumulative);
            long from = questionCreated[q] + 60_000L;
            double u = draws.uniform();
            // Most answers come within days, a few months later.
            long time = from + (long) ((end - from) * u * u * u * u);
            drawnQuestion[a] = q;
            drawnCreated[a] = time;
            // Sorting on (time since start, original number) puts the answers in creation order; 35 bits hold a
            // year of milliseconds, 28 bits the answer number (the ratio is capped well below that).
            keys[a] = (time - start) << 28 | a;
        }
        Arrays.sort(keys);
        int[] question = new int[answers];
        long[] created = new long[answers];
        int[] perQuestion = new int[questionCreated.length];
        for (int a = 0; a < answers; a++) {
            int original = (int) (keys[a] & ((1 << 28) - 1));
            question[a] = drawnQuestion[original];
            created[a] = drawnCreated[original];
            perQuestion[drawnQuestion[original]]++;
        }
        int[] author = new int[answers];
        for (int a = 0; a < answers; a++) {
            int asker = questionAuthor[question[a]];
            int writer = draws.activeMember(created[a]);
            // Members rarely answer their own question; a few tries are enough to avoid it most of the time.
            for (int attempt = 0; attempt < 4 && writer == asker; attempt++) {
                writer = draws.activeMember(created[a]);
            }
            author[a] = writer;
        }
        return new DemoPlanAnswers(question, created, author, perQuestion);
    }
}
