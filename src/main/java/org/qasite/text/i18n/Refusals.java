package org.qasite.text.i18n;

import java.lang.Character.UnicodeScript;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.qasite.text.ScriptMix;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Message;

/** The words of a refusal, for the services and pages that refuse a request. */
public final class Refusals {

    /** Renders the English texts where the application's bundles are not at hand (a plain unit test). */
    private static final Engine STANDALONE = Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver()).build();

    private Refusals() {
    }

    public static RefusalMsg of(Locale locale) {
        return Messages.bundle(RefusalMsg.class, locale);
    }

    /**
     * In the language of the request being served: the reader's on a page, English for the JSON API and outside a
     * request (a refusal is made where the request is served, so this is where it learns its reader).
     */
    public static RefusalMsg now() {
        ArcContainer arc = Arc.container();
        if (arc == null) {
            return english();
        }
        return of(locale());
    }

    /**
     * In the reader's language, under {@code /api/} too: the words of a problem with one field, which go in a refusal's
     * details next to Bean Validation's messages of the other fields, and follow the reader as those do.
     */
    public static RefusalMsg forField() {
        return Arc.container() == null ? english() : of(fieldLocale());
    }

    /** The language {@link #forField()} speaks: the reader's (English outside a request). */
    public static Locale fieldLocale() {
        return ofReader(ReaderLanguage::locale);
    }

    /** A whole number as {@link #forField()}'s language writes it. */
    public static String fieldNumber(long n) {
        return NumberFormat.getIntegerInstance(fieldLocale()).format(n);
    }

    /** The language {@link #now()} speaks, for the numbers a refusal shows ("300,000", "300 000"). */
    public static Locale locale() {
        return ofReader(ReaderLanguage::refusalLocale);
    }

    /** One of the request's languages; English outside a request. */
    private static Locale ofReader(Function<ReaderLanguage, Locale> language) {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return SiteLocales.ENGLISH;
        }
        return language.apply(arc.instance(ReaderLanguage.class).get());
    }

    /** A whole number as the refusal's language writes it. */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** "латиница и кириллица": the scripts a word mixes, named in the refusal's language. */
    public static String scripts(RefusalMsg words, Set<UnicodeScript> scripts) {
        return ScriptMix.names(scripts, s -> words.script(s.name(), ScriptMix.englishName(s)), words::scripts_and);
    }

    /**
     * The English texts outside the application, where code that refuses is used on its own (the Markdown renderer in
     * its unit tests): each {@code @Message} rendered by a plain Qute engine with the method's arguments.
     */
    private static RefusalMsg english() {
        return (RefusalMsg) Proxy.newProxyInstance(RefusalMsg.class.getClassLoader(), new Class<?>[] { RefusalMsg.class },
                (proxy, method, args) -> method.getDeclaringClass() == Object.class ? objectMethod(proxy, method, args)
                        : render(method, args));
    }

    private static String render(Method method, Object[] args) {
        TemplateInstance text = STANDALONE.parse(method.getAnnotation(Message.class).value()).instance();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            text.data(parameters[i].getName(), args[i]);
        }
        return text.render();
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "RefusalMsg (English, standalone)";
        };
    }

    /** "Log in to vote.", in the language of the request being served. */
    public static String loginTo(LoginAction action) {
        return now().login_to(action.key());
    }
}
