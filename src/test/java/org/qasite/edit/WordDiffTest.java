package org.qasite.edit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

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
}
