package org.qasite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Puts a {@link TcpProxy} in front of the servers the site under test talks to and points the site at them, so a test
 * can take each away and bring it back. Tests get the proxies in a field of type {@link Proxies}.
 * <p>
 * Under {@code @QuarkusTest} ({@link RealServicesProfile}): one proxy in front of the test Redis for the
 * {@code streams} client, another for the {@code cache} client (so the stream and the cache can be cut off
 * separately), and one in front of the SMTP server; PostgreSQL is reached directly. The real addresses come from the
 * same settings the proxies replace, so the environment variables that move the test databases keep working.
 * <p>
 * For the packaged site ({@code @QuarkusIntegrationTest}, with the argument {@link #SITE} = {@link #PACKAGED}): PostgreSQL,
 * Redis and the SMTP server (maildev) on their local ports. The site runs in its production profile on the database
 * {@code qa_health} ({@code bin/services} creates it) and Redis database 9 for all three roles, its management interface
 * on a free loopback port, whose address tests get in a field of type {@link ManagementInterface}.
 */
public class ProxiedServices implements QuarkusTestResourceLifecycleManager {

    /** The name of the argument that says which site the proxies are for. */
    public static final String SITE = "site";
    /** The packaged site, in its production profile: {@code @ResourceArg(name = SITE, value = PACKAGED)}. */
    public static final String PACKAGED = "packaged";

    static final String STREAMS_HOSTS = "quarkus.redis.streams.hosts";
    static final String CACHE_HOSTS = "quarkus.redis.cache.hosts";
    private static final String PACKAGED_REDIS_DATABASE = "9";

    /**
     * The proxies a test can cut and restore. {@code database} is null where the site reaches PostgreSQL directly; for
     * the packaged site {@code cache} is {@code redis}, one Redis for all three roles.
     */
    public record Proxies(TcpProxy database, TcpProxy redis, TcpProxy cache, TcpProxy smtp) {

        public void restoreAll() {
            each().forEach(TcpProxy::restore);
        }

        private Set<TcpProxy> each() {
            Set<TcpProxy> each = new LinkedHashSet<>();
            Stream.of(database, redis, cache, smtp).filter(Objects::nonNull).forEach(each::add);
            return each;
        }
    }

    /** Where the packaged site's health, metrics and OpenAPI document are. */
    public record ManagementInterface(int port) {

        /** A request to it; paths keep their {@code /q/} prefix. */
        public RequestSpecification request() {
            return RestAssured.given().baseUri("http://127.0.0.1").port(port);
        }
    }

    private boolean packaged;
    private Proxies proxies;
    private ManagementInterface management;

    @Override
    public void init(Map<String, String> initArgs) {
        packaged = PACKAGED.equals(initArgs.get(SITE));
    }

    @Override
    public Map<String, String> start() {
        return packaged ? startForPackagedSite() : startForTestSite();
    }

    private Map<String, String> startForTestSite() {
        SmallRyeConfig config = testConfig();
        URI redis = URI.create(config.getValue(STREAMS_HOSTS, String.class));
        String smtpHost = config.getOptionalValue("quarkus.mailer.host", String.class).orElse("127.0.0.1");
        int smtpPort = config.getOptionalValue("quarkus.mailer.port", Integer.class).orElse(25);
        URI cache = URI.create(config.getValue(CACHE_HOSTS, String.class));
        proxies = new Proxies(null,
                TcpProxy.start("redis", redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort()),
                TcpProxy.start("cache", cache.getHost(), cache.getPort() < 0 ? 6379 : cache.getPort()),
                TcpProxy.start("smtp", smtpHost, smtpPort));
        return Map.of(
                STREAMS_HOSTS, viaProxy(redis, proxies.redis().port()),
                CACHE_HOSTS, viaProxy(cache, proxies.cache().port()),
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(proxies.smtp().port()));
    }

    private Map<String, String> startForPackagedSite() {
        TcpProxy redis = TcpProxy.start("redis", "127.0.0.1", 6379);
        proxies = new Proxies(TcpProxy.start("postgresql", "127.0.0.1", 5432), redis, redis,
                TcpProxy.start("smtp", "127.0.0.1", 1025));
        String redisUrl = "redis://127.0.0.1:" + redis.port() + "/" + PACKAGED_REDIS_DATABASE;
        // Not the default 9000, which a site running on this machine may have.
        management = new ManagementInterface(freeLoopbackPort());
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxies.database().port() + "/qa_health",
                STREAMS_HOSTS, redisUrl,
                CACHE_HOSTS, redisUrl,
                "quarkus.redis.locks.hosts", redisUrl,
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(proxies.smtp().port()),
                "qa.secrets.key", UUID.randomUUID() + "-" + UUID.randomUUID(),
                "quarkus.management.port", Integer.toString(management.port()),
                // Probe the SMTP server on every readiness call, so a test sees a change at once.
                "qa.health.smtp-check-interval", "0s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxies, new TestInjector.MatchesType(Proxies.class));
        if (management != null) {
            injector.injectIntoFields(management, new TestInjector.MatchesType(ManagementInterface.class));
        }
    }

    @Override
    public void stop() {
        if (proxies != null) {
            proxies.each().forEach(TcpProxy::close);
        }
    }

    /** The same address with the proxy's host and port: scheme, password and database number are kept. */
    private static String viaProxy(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), "127.0.0.1", port, uri.getPath(), uri.getQuery(), null)
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot rewrite " + uri, e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * The test profile's settings as the application will see them: application.properties with its {@code %test}
     * values, overridden by system properties and environment variables, expressions expanded.
     */
    private static SmallRyeConfig testConfig() {
        URL properties = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        if (properties == null) {
            properties = ProxiedServices.class.getClassLoader().getResource("application.properties");
        }
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile("test").addDefaultSources();
            if (properties != null) {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
