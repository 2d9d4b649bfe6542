package org.qasite.health;

import java.util.Map;
import java.util.UUID;

import org.qasite.events.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link TcpProxy} in front of PostgreSQL, Redis and the SMTP server (maildev) for the packaged site, so a test
 * can take each away and bring it back. The site runs in its production profile on the database {@code qa_health}
 * ({@code bin/services} creates it) and Redis database 9 for all three roles. Tests get the proxies in a field of type
 * {@link Proxies}.
 */
public class PackagedSiteServices implements QuarkusTestResourceLifecycleManager {

    static final String REDIS_DATABASE = "9";

    /** The services a test can cut and restore. */
    public record Proxies(TcpProxy database, TcpProxy redis, TcpProxy smtp) {

        void restoreAll() {
            database.restore();
            redis.restore();
            smtp.restore();
        }
    }

    private Proxies proxies;

    @Override
    public Map<String, String> start() {
        proxies = new Proxies(TcpProxy.start("postgresql", "127.0.0.1", 5432), TcpProxy.start("redis", "127.0.0.1", 6379),
                TcpProxy.start("smtp", "127.0.0.1", 1025));
        String redis = "redis://127.0.0.1:" + proxies.redis().port() + "/" + REDIS_DATABASE;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxies.database().port() + "/qa_health",
                "quarkus.redis.streams.hosts", redis,
                "quarkus.redis.cache.hosts", redis,
                "quarkus.redis.locks.hosts", redis,
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(proxies.smtp().port()),
                "qa.secrets.key", UUID.randomUUID() + "-" + UUID.randomUUID(),
                // Probe the SMTP server on every readiness call, so a test sees a change at once.
                "qa.health.smtp-check-interval", "0s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxies, new TestInjector.MatchesType(Proxies.class));
    }

    @Override
    public void stop() {
        if (proxies != null) {
            proxies.database().close();
            proxies.redis().close();
            proxies.smtp().close();
        }
    }
}
