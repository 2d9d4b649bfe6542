package org.qasite.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import org.qasite.events.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Puts a {@link TcpProxy} in front of PostgreSQL, Redis and the SMTP server (maildev) for the packaged site, so a test
 * can take each away and bring it back. The site runs in its production profile on the database {@code qa_health}
 * ({@code bin/services} creates it) and Redis database 9 for all three roles, its management interface on a free
 * loopback port. Tests get the proxies in a field of type {@link Proxies}, the management interface's address in one of
 * type {@link ManagementInterface}.
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

    /** Where the site's health, metrics and OpenAPI document are. */
    public record ManagementInterface(int port) {

        /** A request to it; paths keep their {@code /q/} prefix. */
        RequestSpecification request() {
            return RestAssured.given().baseUri("http://127.0.0.1").port(port);
        }
    }

    private Proxies proxies;
    private ManagementInterface management;

    @Override
    public Map<String, String> start() {
        proxies = new Proxies(TcpProxy.start("postgresql", "127.0.0.1", 5432), TcpProxy.start("redis", "127.0.0.1", 6379),
                TcpProxy.start("smtp", "127.0.0.1", 1025));
        String redis = "redis://127.0.0.1:" + proxies.redis().port() + "/" + REDIS_DATABASE;
        // Not the default 9000, which a site running on this machine may have.
        management = new ManagementInterface(freeLoopbackPort());
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxies.database().port() + "/qa_health",
                "quarkus.redis.streams.hosts", redis,
                "quarkus.redis.cache.hosts", redis,
                "quarkus.redis.locks.hosts", redis,
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
        injector.injectIntoFields(management, new TestInjector.MatchesType(ManagementInterface.class));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
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
