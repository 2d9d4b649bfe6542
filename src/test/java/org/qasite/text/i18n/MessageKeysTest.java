package org.qasite.text.i18n;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/** Every word of the site exists in both languages: a key missing (or left over) in one fails the build. */
class MessageKeysTest {

    @Test
    void theRussianFileHasEveryMessageOfTheBundleAndNoOther() throws IOException {
        // every method of the bundle is a message, its name the key (with its English text in @Message)
        Set<String> english = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> russian = keys("messages/msg_ru.properties");
        assertThat("missing in msg_ru.properties", difference(english, russian), empty());
        assertThat("in msg_ru.properties but not in Msg", difference(russian, english), empty());
        assertThat("methods without their English text", Arrays.stream(Msg.class.getDeclaredMethods())
                .filter(m -> !m.isAnnotationPresent(Message.class)).map(Method::getName).toList(), empty());
    }

    @Test
    void theRussianBrowseFileHasEveryMessageOfItsBundleAndNoOther() throws IOException {
        assertSameKeys(BrowseMsg.class, "messages/browse_ru.properties");
    }

    @Test
    void theRussianRefusalsHaveEveryMessageOfTheirBundleAndNoOther() throws IOException {
        assertSameKeys(RefusalMsg.class, "messages/refusal_ru.properties");
    }

    @Test
    void theRussianAcceptWordsHaveEveryMessageOfTheirBundleAndNoOther() throws IOException {
        assertSameKeys(AcceptMsg.class, "messages/accept_ru.properties");
    }

    @Test
    void theRussianAccountLinesHaveEveryMessageOfTheirBundleAndNoOther() throws IOException {
        assertSameKeys(AccountMsg.class, "messages/account_ru.properties");
    }

    @Test
    void theRussianMailsHaveEveryMessageOfTheirBundleAndNoOther() throws IOException {
        assertSameKeys(MailMsg.class, "messages/mail_ru.properties");
    }

    @Test
    void theRussianEditorWordsHaveEveryMessageOfTheirBundleAndNoOther() throws IOException {
        assertSameKeys(EditorMsg.class, "messages/editor_ru.properties");
    }

    @Test
    void theRussianDisplayWordsHaveEveryMessageOfTheirBundleAndNoOther() throws IOException {
        assertSameKeys(DisplayMsg.class, "messages/display_ru.properties");
    }

    /** A bundle interface and its Russian file: the same keys, each with its English text and a Russian one. */
    private static void assertSameKeys(Class<?> bundle, String russianFile) throws IOException {
        Set<String> english = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> russian = keys(russianFile);
        assertThat("missing in " + russianFile, difference(english, russian), empty());
        assertThat("in " + russianFile + " but not in " + bundle.getSimpleName(), difference(russian, english), empty());
        assertThat("methods without their English text", Arrays.stream(bundle.getDeclaredMethods())
                .filter(m -> !m.isAnnotationPresent(Message.class)).map(Method::getName).toList(), empty());
        Properties texts = load(russianFile);
        assertThat("empty in " + russianFile,
                texts.stringPropertyNames().stream().filter(k -> texts.getProperty(k).isBlank()).toList(), empty());
    }

    @Test
    void theValidationMessagesHaveTheSameKeysInBothLanguages() throws IOException {
        Set<String> english = keys("ValidationMessages.properties");
        Set<String> russian = keys("ValidationMessages_ru.properties");
        assertThat("missing in ValidationMessages_ru.properties", difference(english, russian), empty());
        assertThat("missing in ValidationMessages.properties", difference(russian, english), empty());
    }

    @Test
    void everyRussianMessageHasText() throws IOException {
        for (String file : List.of("messages/msg_ru.properties", "messages/browse_ru.properties",
                "messages/refusal_ru.properties", "messages/mail_ru.properties", "messages/accept_ru.properties",
                "messages/account_ru.properties", "messages/display_ru.properties")) {
            Properties russian = load(file);
            assertThat(file, russian.stringPropertyNames().stream().filter(k -> russian.getProperty(k).isBlank()).toList(),
                    empty());
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessageKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is missing");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
