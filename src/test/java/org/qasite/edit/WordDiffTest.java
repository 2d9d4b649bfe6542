package org.qasite.edit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.qasite.edit.WordDiff.Change;
import org.qasite.edit.WordDiff.Run;

class WordDiffTest {

    @Test
    void wordsAreKeptDeletedAndInsertedWhole() {
        assertThat(WordDiff.between("the quick brown fox", "the slow brown fox jumps").runs(),
                contains(new Run(Change.SAME, "the "), new Run(Change.DELETED, "quick"), new Run(Change.INSERTED, "slow"),
                        new Run(Change.SAME, " brown fox"), new Run(Change.INSERTED, " jumps")));
    }

    @Test
    void theSameTextHasNoChange() {
        WordDiff same = WordDiff.between("<b>x</b> y", "<b>x</b> y");
        assertThat(same.changed(), equalTo(false));
        assertThat(same.runs(), contains(new Run(Change.SAME, "<b>x</b> y")));
        assertThat(WordDiff.between(null, "new").runs(), contains(new Run(Change.INSERTED, "new")));
    }

    /** The text before (without the insertions) and after (without the deletions), as the runs say. */
    static String side(WordDiff diff, Change left) {
        return diff.runs().stream().filter(r -> r.change() != left).map(Run::text).collect(Collectors.joining());
    }

    static String noise(long seed, int length) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(random.nextInt(10) == 0 ? '\n' : (char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }

    @Test
    void twoLongUnrelatedTextsAreComparedLineByLineAndStillAddUp() {
        String before = noise(1, 30_000);
        String after = noise(2, 30_000);
        WordDiff diff = WordDiff.between(before, after);
        assertThat(diff.changed(), equalTo(true));
        assertThat(side(diff, Change.INSERTED), equalTo(before));
        assertThat(side(diff, Change.DELETED), equalTo(after));
    }

    @Test
    void oneWordChangedInALongTextIsStillThatOneWord() {
        String text = noise(3, 30_000);
        String before = text.substring(0, 15_000) + "\nthe quick fox\n" + text.substring(15_000);
        String after = text.substring(0, 15_000) + "\nthe slow fox\n" + text.substring(15_000);
        WordDiff diff = WordDiff.between(before, after);
        assertThat(diff.runs().stream().filter(r -> r.change() != Change.SAME).toList(),
                contains(new Run(Change.DELETED, "quick"), new Run(Change.INSERTED, "slow")));
        assertThat(side(diff, Change.INSERTED), equalTo(before));
        assertThat(side(diff, Change.DELETED), equalTo(after));
    }

    @Test
    void twoWordsChangedFarApartInALongTextAreStillThoseTwoWords() {
        StringBuilder prose = new StringBuilder();
        for (int line = 0; prose.length() < 30_000; line++) {
            prose.append("Line ").append(line).append(" of a long answer, with words enough to fill it.\n");
        }
        String text = prose.toString();
        String before = text.replace("Line 10 of", "Line ten of").replace("Line 400 of", "Line four hundred of");
        String after = text.replace("Line 400 of", "Line 400th of");
        WordDiff diff = WordDiff.between(before, after);
        assertThat(diff.runs().stream().filter(r -> r.change() != Change.SAME).toList(),
                contains(new Run(Change.DELETED, "ten"), new Run(Change.INSERTED, "10"),
                        new Run(Change.DELETED, "four hundred"), new Run(Change.INSERTED, "400th")));
        assertThat(side(diff, Change.INSERTED), equalTo(before));
        assertThat(side(diff, Change.DELETED), equalTo(after));
    }
}
