package org.qasite.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.qasite.markdown.MarkdownRenderer;
import org.qasite.tag.TagNames;
import org.qasite.text.InputText;

class DemoTextTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void bodyHtmlIsWhatTheSiteRenders() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 3_000; i++) {
            DemoText.Body body = i % 2 == 0 ? DemoText.questionBody(random) : DemoText.answerBody(random);
            assertEquals(renderer.toSafeHtml(body.markdown()), body.html(), body.markdown());
        }
    }

    @Test
    void bodiesAreStoredAsTheSiteWouldStoreThem() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 1_000; i++) {
            String body = DemoText.questionBody(random).markdown();
            // The ask form cleans and strips the body; demo bodies must already be in that form, and long enough.
            assertEquals(InputText.clean(body).strip(), body);
            assertTrue(body.length() >= 20, body);
        }
    }

    @Test
    void titlesFitTheAskForm() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 5_000; i++) {
            String title = DemoText.title(random);
            assertTrue(title.length() >= 10 && title.length() <= 150, title);
            assertEquals(InputText.line(title), title);
            assertTrue(Character.isUpperCase(title.charAt(0)), title);
        }
    }

    @Test
    void displayNamesFitTheColumn() {
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 1_000; i++) {
            String name = DemoText.displayName(random);
            assertTrue(name.length() >= 3 && name.length() <= 50, name);
        }
    }

    @Test
    void tagNamesAreValidUniqueAndAvoidTakenNames() {
        Set<String> taken = new HashSet<>(Set.of("java", "redis-client", "sql"));
        List<String> names = DemoText.tagNames(20_000, taken);
        assertEquals(20_000, names.size());
        assertEquals(20_000, new HashSet<>(names).size());
        assertFalse(names.contains("java"));
        assertFalse(names.contains("redis-client"));
        assertEquals("postgresql", names.get(0), "the most popular free name comes first");
        for (String name : names) {
            assertNull(TagNames.problem(List.of(name)), name);
            assertEquals(List.of(name), TagNames.split(name), "a name is already in the form the ask form gives it");
        }
        assertTrue(taken.containsAll(names), "the names handed out are marked as taken");
    }
}
