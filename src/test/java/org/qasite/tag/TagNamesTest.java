package org.qasite.tag;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qasite.text.ScriptMix;

/** A tag is one name for one subject: one form per name, and no look-alike of another tag. */
class TagNamesTest {

    @Test
    void compatibilityFormsAndCaseMakeOneName() {
        assertThat(TagNames.split("\uFF4A\uFF41\uFF56\uFF41"), equalTo(List.of("java"))); // fullwidth
        assertThat(TagNames.split("Java \uFF2A\uFF21\uFF36\uFF21 java"), equalTo(List.of("java")));
        assertThat(TagNames.split("java\uFF0Csql\u3000redis"), equalTo(List.of("java", "sql", "redis")));
        assertThat(TagNames.split("\uFB01le python\u00B3"), equalTo(List.of("file", "python3"))); // ligature, superscript
        assertThat(TagNames.split("ja\u200Bva \u202Esql"), equalTo(List.of("java", "sql")));
        assertThat(TagNames.normalise(List.of("\uFF2A\uFF21\uFF36\uFF21", "C#")), equalTo(List.of("java", "c#")));
    }

    @Test
    void tagsMixingLookAlikeScriptsAreRefused() {
        assertThat(TagNames.problem(List.of("j\u0430va")), // Cyrillic a
                equalTo("\u201Cj\u0430va\u201D mixes Latin and Cyrillic letters, which can look alike: write a tag in"
                        + " one script."));
        assertThat(TagNames.problem(List.of("\u03BFpenssl")), containsString("mixes Latin and Greek letters")); // omicron
        assertThat(TagNames.problem(List.of("java-\u043F\u0440\u0438\u043B\u043E\u0436\u0435\u043D\u0438\u0435")),
                containsString("mixes Latin and Cyrillic"));
    }

    @Test
    void oneScriptAndTheEastAsianMixesAreFine() {
        for (String tag : List.of("java", "c++", "c#", "python3", "\u0440\u0443\u0441\u0441\u043A\u0438\u0439",
                "\u4E2D\u6587", "java\u5165\u9580", "\u3072\u3089\u304C\u306A-java", "\u30AB\u30BF\u30AB\u30CA",
                "\uD55C\uAD6D\uC5B4-java", "\u3105\u3106-\u4E2D-java", "\u05E2\u05D1\u05E8\u05D9\u05EA")) {
            assertThat(tag, TagNames.problem(List.of(tag)), nullValue());
        }
        assertThat(ScriptMix.firstMixedWord("Zo\u00EB \u041D\u043E\u0432\u0430\u044F"), nullValue());
        assertThat(ScriptMix.firstMixedWord("Java-\u043F\u0440\u0438\u043B\u043E\u0436\u0435\u043D\u0438\u0435"),
                nullValue());
        assertThat(ScriptMix.firstMixedWord("\u0410lice Cooper"), equalTo("\u0410lice"));
    }

    @Test
    void namesAreSplitAndChecked() {
        assertThat(TagNames.split(" Java, quarkus  java,c++ "), contains("java", "quarkus", "c++"));
        assertThat(TagNames.problem(List.of("java", "c#", "node.js", "вопросы")), nullValue());
        assertThat(TagNames.problem(List.of()), startsWith("Add at least one tag"));
        assertThat(TagNames.problem(List.of("a", "b", "c", "d", "e", "f")), startsWith("Use at most 5 tags"));
        assertThat(TagNames.problem(List.of("<b>")), startsWith("\u201C<b>\u201D is not a valid tag"));
    }
}
