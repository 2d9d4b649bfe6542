package org.qasite.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.qasite.tag.TagNames;

/**
 * The words of the demo data: titles, Markdown bodies with their HTML, display names and tag names.
 * <p>
 * Bodies are plain paragraphs made only of letters, digits, spaces, commas, full stops and question marks, and every
 * paragraph starts with a capital letter. Such text has no Markdown syntax and nothing the HTML sanitizer escapes, so the
 * site's renderer turns each paragraph into the paragraph wrapped in a p element followed by a new line; writing that
 * directly avoids rendering a million bodies one by one. {@link DemoDataFiller} checks a sample against the real
 * renderer before it writes anything.
 */
final class DemoText {

    /** A body as a member would type it, and the HTML the site stores for it. */
    record Body(String markdown, String html) {
    }

    private static final String[] TECH = { "Quarkus", "PostgreSQL", "Redis", "Hibernate", "Panache", "Kafka", "Docker",
            "Kubernetes", "Maven", "Gradle", "Java", "Kotlin", "Python", "TypeScript", "JavaScript", "React", "Nginx",
            "Linux", "Git", "JUnit", "Mockito", "Jackson", "Vertx", "Mutiny", "GraphQL", "gRPC", "OAuth", "JWT",
            "WebSocket", "CSS", "HTML", "JSON", "YAML", "SQL", "Bash", "Elasticsearch", "RabbitMQ", "MongoDB", "MySQL",
            "SQLite", "Flyway", "Tomcat", "Netty", "GraalVM", "the JVM", "JDBC", "JPA", "REST", "HTTP", "TLS", "CDI",
            "Lucene", "Qute", "Agroal", "OpenAPI", "Prometheus", "Grafana", "Podman", "systemd", "Selenium" };

    private static final String[] NOUN = { "connection pool", "index", "query", "transaction", "thread", "request",
            "response", "cache", "session", "migration", "build", "unit test", "container", "endpoint", "config file",
            "log file", "table", "column", "schema", "dependency", "class", "method", "interface", "annotation", "bean",
            "pipeline", "deployment", "timeout", "callback", "stream", "buffer", "cookie", "header", "certificate",
            "port", "process", "background job", "event", "message", "queue", "template", "form", "field", "page",
            "router", "filter", "interceptor", "service", "client", "server", "driver", "sequence", "foreign key",
            "primary key", "constraint", "view", "cursor", "batch", "lock", "retry loop", "health check", "metric",
            "secret", "environment variable", "volume", "image", "network", "proxy", "load balancer", "websocket",
            "password hash", "user account", "file upload", "search box", "date format", "time zone", "encoding" };

    private static final String[] VERB = { "configure", "start", "stop", "cache", "parse", "serialize", "deploy",
            "migrate", "test", "debug", "log", "retry", "index", "validate", "inject", "mock", "compile", "package",
            "monitor", "secure", "encode", "decode", "split", "merge", "sort", "paginate", "stream", "upload",
            "download", "schedule", "refresh", "rename", "replace", "reuse", "share", "lock", "close", "open",
            "measure", "profile", "restart", "rotate", "escape", "filter", "group", "count", "join", "export",
            "import" };

    private static final String[] ADJ = { "slow", "empty", "missing", "stale", "duplicate", "large", "small", "broken",
            "random", "flaky", "blocking", "reactive", "lazy", "eager", "nested", "generic", "immutable", "concurrent",
            "default", "custom", "new", "old", "expired", "encrypted", "unused", "shared", "private", "public",
            "temporary", "partial", "invalid", "unexpected", "wrong", "different", "simple", "strange" };

    private static final String[] TITLE = { "How do I {verb} the {noun} in {tech}?",
            "Why is my {noun} {adj} after I {verb} it with {tech}?", "{tech} {noun} is {adj} when using {tech}",
            "Best way to {verb} a {noun} with {tech}", "Cannot {verb} the {noun} in {tech} {num}",
            "{tech} fails to {verb} the {noun} on startup", "What is the difference between a {noun} and a {noun}?",
            "How to {verb} and {verb} a {adj} {noun} in {tech}", "Is it safe to {verb} the {noun} from {tech}?",
            "{tech}: {adj} {noun} after upgrading to version {num}",
            "Should I {verb} the {noun} or {verb} the {noun} in {tech}?",
            "Getting a {adj} {noun} when I {verb} with {tech} and {tech}",
            "How can I {verb} every {noun} without a {adj} {noun}?", "{tech} ignores my {noun} configuration",
            "Why does {tech} {verb} the {noun} twice?" };

    private static final String[] QUESTION_SENTENCE = { "I am trying to {verb} the {noun} with {tech} but it stays {adj}.",
            "When I {verb} the {noun}, {tech} reports a {adj} {noun}.",
            "The {noun} works on my laptop but on the server it is {adj}.",
            "I already tried to {verb} the {noun} and to {verb} the {noun}, without any change.",
            "My setup uses {tech} together with {tech} and a {adj} {noun}.",
            "It happens about {num} times a day, usually after we {verb} the {noun}.",
            "The documentation of {tech} says I should {verb} the {noun}, but I do not see how.",
            "Is there a way to {verb} it without touching the {noun}?",
            "Restarting the {noun} helps for a while, then the {noun} becomes {adj} again.",
            "Here is what I see in the {noun} after {num} seconds.",
            "I would like to {verb} only the {adj} entries, not the whole {noun}.",
            "The same code worked with {tech} {num}, so something changed in the {noun}.",
            "What am I missing here?", "Any hint is welcome, I have been stuck on this for {num} hours." };

    private static final String[] ANSWER_SENTENCE = { "You need to {verb} the {noun} before {tech} reads it.",
            "The {noun} is {adj} because {tech} caches it on first use.",
            "Try to {verb} the {noun} in a separate {noun}, that usually fixes it.",
            "In {tech} {num} and later you can {verb} the {noun} directly.",
            "I had the same problem, the cause was a {adj} {noun} in the {noun}.",
            "Do not {verb} the {noun} yourself, let {tech} do it.",
            "Check that the {noun} is not {adj}, then {verb} it again.",
            "A simpler option is to {verb} the {noun} and keep the {noun} {adj}.",
            "This is documented in the {tech} guide about the {noun}.",
            "If you {verb} the {noun} with {tech}, the {noun} stays consistent.",
            "Set the {noun} to {num} and {verb} the {noun}, it should work then.",
            "The accepted way is to {verb} each {noun} in its own transaction.",
            "Measure it first, a {adj} {noun} is rarely the real cause.", "That should solve it." };

    private static final String[] FIRST_NAME = { "Alice", "Bob", "Carla", "David", "Emma", "Felix", "Grace", "Hugo",
            "Ines", "Jonas", "Karim", "Lena", "Mateo", "Nora", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tara",
            "Ugo", "Vera", "Wen", "Ximena", "Yusuf", "Zoë", "José", "Łukasz", "Ana", "Björn", "Chiara", "Dmitri",
            "Elif", "Farah", "Gustav", "Hana", "Igor", "Julia", "Kenji", "Lucía", "Malik", "Nadia", "Olga", "Pedro" };

    private static final String[] LAST_NAME = { "Martin", "Smith", "Garcia", "Müller", "Rossi", "Dubois", "Nowak",
            "Kim", "Tanaka", "Singh", "Okafor", "Silva", "Jensen", "Novak", "Costa", "Ivanova", "Haddad", "Larsen",
            "Moreau", "Fischer", "Schmidt", "Lopez", "Chen", "Wang", "Nguyen", "Kowalski", "Horvat", "Eriksson",
            "Papadopoulos", "Yilmaz", "Andersen", "Bianchi", "Fernandes", "Kaya", "Petrov", "Sato" };

    /** The most popular tags come first: tag popularity falls with the position in this list. */
    private static final String[] BASE_TAGS = { "java", "sql", "postgresql", "quarkus", "javascript", "python", "redis",
            "hibernate", "docker", "kubernetes", "linux", "git", "maven", "gradle", "jpa", "rest", "json", "http", "css",
            "html", "typescript", "react", "kotlin", "bash", "junit", "testing", "performance", "security", "regex",
            "concurrency", "multithreading", "c++", "c#", "go", "rust", "spring-boot", "kafka", "rabbitmq",
            "elasticsearch", "mongodb", "mysql", "sqlite", "graphql", "grpc", "jvm", "graalvm", "jdbc", "flyway",
            "liquibase", "vert.x", "mutiny", "cdi", "jackson", "qute", "caching", "logging", "debugging", "deployment",
            "containers", "networking", "algorithms", "data-structures", "arrays", "strings", "collections", "streams",
            "generics", "lambda", "exceptions", "datetime", "unicode", "encoding", "csv", "xml", "yaml", "shell",
            "windows", "macos", "android", "ios", "swift", "node.js", "npm", "vue.js", "angular", "svelte", "webpack",
            "vite", "nginx", "tls", "oauth2", "jwt", "websocket", "ci", "github-actions", "podman", "systemd", "ssh",
            "dns", "math", "floating-point", "recursion", "sorting", "search", "indexing", "transactions", "locking" };

    private static final String[] TAG_SUFFIX = { "3", "4", "5", "8", "11", "17", "21", "api", "config", "testing",
            "performance", "migration", "security", "client", "server", "plugin", "cli", "native", "reactive", "cache",
            "errors", "logging", "metrics", "deployment", "upgrade", "schema", "query", "auth", "streams", "tools" };

    private DemoText() {
    }

    static String title(SplittableRandom random) {
        String title = fill(pick(random, TITLE), random);
        // The longest template stays far below the limit; the cut only guards later edits of the word lists.
        return title.length() <= 150 ? title : title.substring(0, 150).strip();
    }

    static Body questionBody(SplittableRandom random) {
        return body(random, QUESTION_SENTENCE, 1 + random.nextInt(3));
    }

    static Body answerBody(SplittableRandom random) {
        return body(random, ANSWER_SENTENCE, 1 + random.nextInt(2));
    }

    private static Body body(SplittableRandom random, String[] sentences, int paragraphs) {
        StringBuilder markdown = new StringBuilder(400);
        StringBuilder html = new StringBuilder(450);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                markdown.append("\n\n");
            }
            html.append("<p>");
            int start = markdown.length();
            int count = 1 + random.nextInt(3);
            for (int s = 0; s < count; s++) {
                if (s > 0) {
                    markdown.append(' ');
                }
                markdown.append(fill(pick(random, sentences), random));
            }
            html.append(markdown, start, markdown.length()).append("</p>\n");
        }
        return new Body(markdown.toString(), html.toString());
    }

    static String displayName(SplittableRandom random) {
        return pick(random, FIRST_NAME) + " " + pick(random, LAST_NAME);
    }

    /**
     * The first {@code count} valid tag names that are not {@code taken}, most popular first: the common names, then
     * versions and aspects of them ("java-21", "redis-client"), then numbered topics.
     */
    static List<String> tagNames(int count, Set<String> taken) {
        List<String> names = new ArrayList<>(count);
        for (String base : BASE_TAGS) {
            if (addTag(names, count, taken, base)) {
                return names;
            }
        }
        for (String suffix : TAG_SUFFIX) {
            for (String base : BASE_TAGS) {
                if (addTag(names, count, taken, base + "-" + suffix)) {
                    return names;
                }
            }
        }
        for (String noun : NOUN) {
            for (String base : BASE_TAGS) {
                if (addTag(names, count, taken, base + "-" + noun.replace(' ', '-'))) {
                    return names;
                }
            }
        }
        for (long n = 1;; n++) {
            if (addTag(names, count, taken, "topic-" + n)) {
                return names;
            }
        }
    }

    /** Adds the name when it is valid and free; true once there are enough names. */
    private static boolean addTag(List<String> names, int count, Set<String> taken, String name) {
        if (names.size() >= count) {
            return true;
        }
        if (TagNames.problem(List.of(name)) == null && taken.add(name)) {
            names.add(name);
        }
        return names.size() >= count;
    }

    private static String fill(String template, SplittableRandom random) {
        StringBuilder out = new StringBuilder(template.length() + 40);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            String slot = template.substring(i + 1, end);
            switch (slot) {
                case "tech" -> out.append(pick(random, TECH));
                case "noun" -> out.append(pick(random, NOUN));
                case "verb" -> out.append(pick(random, VERB));
                case "adj" -> out.append(pick(random, ADJ));
                case "num" -> out.append(2 + random.nextInt(99));
                default -> throw new IllegalStateException("Unknown slot " + slot);
            }
            i = end + 1;
        }
        // Templates may start with a slot; a paragraph must start with a capital letter to stay plain text.
        if (!out.isEmpty() && Character.isLowerCase(out.charAt(0))) {
            out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        }
        return out.toString();
    }

    private static String pick(SplittableRandom random, String[] words) {
        // Squaring a uniform number favours the start of each list, so some words are much more common than others.
        double u = random.nextDouble();
        return words[(int) (u * u * words.length)];
    }
}
