package org.qasite.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Starts a {@link TcpProxy} in front of the test Redis for the {@code streams} client, another for the {@code cache}
 * client (so the stream and the cache can be cut off separately), and one in front of the SMTP server, and points the
 * application at them.
 * The real addresses come from the same settings the proxies replace, so the environment variables that move the
 * test databases keep working. Tests get both proxies in a field of type {@link Proxies}.
 */
public class ProxiedServices implements QuarkusTestResourceLifecycleManager {

    static final String STREAMS_HOSTS = "quarkus.redis.streams.hosts";
    static final String CACHE_HOSTS = "quarkus.redis.cache.hosts";

    /** The proxies a test can cut and restore: the stream's Redis, the cache's Redis, the SMTP server. */
    public record Proxies(TcpProxy redis, TcpProxy smtp, TcpProxy cache) {

        public void restoreAll() {
            redis.restore();
            smtp.restore();
            cache.restore();
        }
    }

    private Proxies proxies;

    @Override
    public Map<String, String> start() {
        SmallRyeConfig config = testConfig();
        URI redis = URI.create(config.getValue(STREAMS_HOSTS, String.class));
        String smtpHost = config.getOptionalValue("quarkus.mailer.host", String.class).orElse("127.0.0.1");
        int smtpPort = config.getOptionalValue("quarkus.mailer.port", Integer.class).orElse(25);
        URI cache = URI.create(config.getValue(CACHE_HOSTS, String.class));
        proxies = new Proxies(TcpProxy.start("redis", redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort()),
                TcpProxy.start("smtp", smtpHost, smtpPort),
                TcpProxy.start("cache", cache.getHost(), cache.getPort() < 0 ? 6379 : cache.getPort()));
        return Map.of(
                STREAMS_HOSTS, viaProxy(redis, proxies.redis().port()),
                CACHE_HOSTS, viaProxy(cache, proxies.cache().port()),
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(proxies.smtp().port()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxies, new TestInjector.MatchesType(Proxies.class));
    }

    @Override
    public void stop() {
        if (proxies != null) {
            proxies.redis().close();
            proxies.smtp().close();
            proxies.cache().close();
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
