package org.qasite.text.i18n;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the site exists in both languages: a key missing (or left over, or empty) in one fails the build. Each
 * message bundle of this package is found by its annotation, so a new bundle is checked without being listed here.
 */
class MessageKeysTest {

    /** Every interface of the package that is a message bundle. */
    static List<Class<?>> bundles() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(MessageKeysTest.class.getPackageName()).stream()
                .filter(c -> c.isAnnotatedWith(MessageBundle.class)).map(JavaClass::reflect)
                .sorted((a, b) -> a.getName().compareTo(b.getName())).collect(Collectors.toList());
    }

    @Test
    void theBundlesAreFound() {
        // the discovery itself must work, or every check below would pass on nothing
        assertThat(bundles(), hasItems(Msg.class, BrowseMsg.class, RefusalMsg.class, MailMsg.class, QuestionMsg.class));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void theRussianFileHasEveryMessageOfItsBundleAndNoOther(Class<?> bundle) throws IOException {
        String russianFile = "messages/" + bundle.getAnnotation(MessageBundle.class).value() + "_ru.properties";
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
