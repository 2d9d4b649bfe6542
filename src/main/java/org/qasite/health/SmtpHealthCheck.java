package org.qasite.health;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * Reports whether the SMTP server greets ({@code 220}) a new connection. Always up: mail waits in its queue while the
 * server is away, so an instance stays in service. The probe's result is reused for
 * {@code qa.health.smtp-check-interval}, so readiness polls from load balancers do not each open an SMTP session.
 */
@Readiness
@ApplicationScoped
class SmtpHealthCheck implements AsyncHealthCheck {

    private final String host;
    private final int port;
    private final boolean tls;
    private final boolean mock;
    private final NetClient client;
    private final HealthConfig config;
    private final Uni<HealthCheckResponse> cached;

    SmtpHealthCheck(HealthConfig config, Vertx vertx, @ConfigProperty(name = "quarkus.mailer.host") String host,
            @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
            @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
            @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mock) {
        this.config = config;
        this.host = host;
        this.tls = tls.orElse(false);
        this.port = port.orElse(this.tls ? 465 : 25);
        this.mock = mock.orElse(false);
        long timeout = config.smtpTimeout().toMillis();
        // A server that accepts the connection but never greets is dropped after the same time.
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) timeout)
                .setIdleTimeout((int) timeout).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        Uni<HealthCheckResponse> probe = Uni.createFrom().deferred(this::probe);
        this.cached = config.smtpCheckInterval().isZero() ? probe : probe.memoize().atLeast(config.smtpCheckInterval());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (mock) {
            return Uni.createFrom().item(HealthCheckResponse.named("SMTP").up()
                    .withData(Dependency.STATE, "mock: mails are not sent").build());
        }
        return cached;
    }

    private Uni<HealthCheckResponse> probe() {
        return Uni.createFrom().completionStage(() -> greeting().toCompletionStage()).map(line -> Dependency.UP)
                .ifNoItem().after(config.smtpTimeout())
                .failWith(() -> new IllegalStateException("no greeting within " + config.smtpTimeout().toMillis() + " ms"))
                .onFailure().recoverWithItem(Dependency::down)
                .map(state -> HealthCheckResponse.named("SMTP").up().withData("server", host + ":" + port)
                        .withData(Dependency.STATE, state).build());
    }

    /**
     * Connects and reads the server's first line, then says {@code QUIT}. A server spoken to over TLS from the start
     * greets only after the handshake: for it, a connection accepted is enough.
     */
    private io.vertx.core.Future<String> greeting() {
        Promise<String> result = Promise.promise();
        client.connect(port, host).onFailure(result::tryFail).onSuccess(socket -> {
            if (tls) {
                socket.close();
                result.tryComplete("connected");
                return;
            }
            readGreeting(socket, result);
        });
        return result.future();
    }

    private static void readGreeting(NetSocket socket, Promise<String> result) {
        StringBuilder received = new StringBuilder();
        socket.exceptionHandler(result::tryFail);
        socket.closeHandler(v -> result.tryFail(new IllegalStateException("closed before greeting")));
        socket.handler(buffer -> {
            received.append(buffer.toString(StandardCharsets.US_ASCII));
            int end = received.indexOf("\n");
            if (end < 0 && received.length() < 1024) {
                return;
            }
            String line = received.substring(0, end < 0 ? received.length() : end).strip();
            socket.write("QUIT\r\n").onComplete(done -> socket.close());
            if (line.startsWith("220")) {
                result.tryComplete(line);
            } else {
                result.tryFail(new IllegalStateException("greeted with \"" + line + "\""));
            }
        });
    }
}
