package org.qasite.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One instance of the packaged site ({@code quarkus-run.jar}) that {@code bin/cluster} started (see
 * {@link Cluster}), on a loopback port of its own, with its management interface (health, metrics) on another. Its
 * output goes to a file, whose end is shown when something goes wrong.
 */
public final class SiteProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final LongSupplier pid;
    private final Runnable stop;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    SiteProcess(String name, int port, int managementPort, Path log, LongSupplier pid, Runnable stop) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.pid = pid;
        this.stop = stop;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health and metrics are ({@code /q/...}): not the site's port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public URI webSocket(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** The running process, if it runs. */
    public Optional<ProcessHandle> process() {
        long id = pid.getAsLong();
        return id < 0 ? Optional.empty() : ProcessHandle.of(id).filter(ProcessHandle::isAlive);
    }

    /**
     * True when {@code /q/health/ready} on the management interface says UP; an instance that exited is an error, not a
     * wait.
     */
    public boolean ready() {
        if (process().isEmpty()) {
            throw new IllegalStateException(name + " does not run\n" + tail(60));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening (yet, or any more)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines the instance wrote, headed by its name, for a failure report. */
    public String tail(int lines) {
        return tail(name + " (pid " + pid.getAsLong() + ")", log, lines);
    }

    static String tail(String name, Path file, int lines) {
        List<String> all;
        try {
            all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
        List<String> last = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        last.add(0, "----- last " + last.size() + " lines of " + name + " (" + file + ")");
        return String.join("\n", last);
    }

    /** Stops the instance as an operator would: SIGTERM, and a kill if it has not stopped in time. */
    @Override
    public void close() {
        stop.run();
    }
}
