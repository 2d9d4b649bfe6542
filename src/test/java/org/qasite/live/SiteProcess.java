package org.qasite.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged site ({@code quarkus-run.jar}) running as a child process on a loopback port of its own, started with the
 * JDK that runs the test. Its output goes to a file, whose end is shown when something goes wrong.
 */
final class SiteProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    /** Kills the instance if the test JVM is stopped before {@link #close()} (Ctrl+C, a fork timeout). */
    private final Thread killOnExit;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private SiteProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, name + "-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the jar with the given environment on top of this process's own, without any {@code QA_*} or
     * {@code QUARKUS_*} variable inherited from the shell, so the site runs with exactly the settings the test chose.
     */
    static SiteProcess start(String name, Path jar, Path logDir, Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the site first (./mvnw verify does)");
        }
        int port = freeLoopbackPort();
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QA_") || key.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        builder.environment().put("QA_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logDir);
            return new SiteProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    URI webSocket(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    /** True when {@code /q/health/ready} says UP; an instance that exited is an error, not a wait. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + "\n" + tail(60));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines the instance wrote, headed by its name, for a failure report. */
    String tail(int lines) {
        List<String> all;
        try {
            all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
        List<String> last = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        last.add(0, "----- last " + last.size() + " lines of " + name + " (pid " + process.pid() + ", " + log + ")");
        return String.join("\n", last);
    }

    /** Stops the instance as an operator would (SIGTERM), and kills it if it has not stopped in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within " + GRACEFUL_STOP + "; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already, and the hook runs anyway
        }
    }

    /** The java launcher of the JDK running this test. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
