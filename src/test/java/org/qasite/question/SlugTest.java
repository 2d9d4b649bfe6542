package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void wordsInLowerCaseJoinedByHyphens() {
        assertThat(Slug.of("How do I tune PostgreSQL's work_mem?"), equalTo("how-do-i-tune-postgresql-s-work-mem"));
        assertThat(Slug.of("  C++ -- and   Java  "), equalTo("c-and-java"));
        assertThat(Slug.of("Café crème brûlée"), equalTo("cafe-creme-brulee"));
    }

    @Test
    void cyrillicIsTransliterated() {
        assertThat(Slug.of("Как настроить пул соединений в PostgreSQL?"),
                equalTo("kak-nastroit-pul-soedinenij-v-postgresql"));
        assertThat(Slug.of("Щука, ёжик и объём"), equalTo("shhuka-yozhik-i-obyom"));
    }

    @Test
    void longTitlesAreCutAtAWord() {
        String slug = Slug.of("word ".repeat(60));
        assertThat(slug.length(), lessThanOrEqualTo(Slug.MAX_LENGTH));
        assertThat(slug, matchesPattern("(word-)*word"));
    }

    @Test
    void nothingReadableOrASubPageNameBecomesQuestion() {
        assertThat(Slug.of("??? !!! ???"), equalTo("question"));
        assertThat(Slug.of("中文标题的问题"), equalTo("question"));
        assertThat(Slug.of("Edit!!!!!!!"), equalTo("question"));
        assertThat(Slug.of("revisions ..."), equalTo("question"));
        assertThat(Slug.path(12, "Answers?"), equalTo("/questions/12/question"));
    }
}
