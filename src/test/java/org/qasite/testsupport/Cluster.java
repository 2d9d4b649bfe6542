package org.qasite.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;

/**
 * The topology of {@code docker-compose.yml} on this machine, started by {@code bin/cluster}: two instances of the
 * packaged site ({@code app-1}, {@code app-2}) behind nginx, on the given database and Redis databases. The test
 * talks to nginx or to an instance directly; {@link #close()} stops all of it, as {@code bin/cluster stop} does.
 */
public final class Cluster implements AutoCloseable {

    /** The script waits for all three itself; this only ends a script that hangs. */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(6);

    private final Path dir;
    private final Map<String, String> env;
    private final int nginxPort;
    private final SiteProcess app1;
    private final SiteProcess app2;
    /** Stops everything if the test JVM is stopped before {@link #close()} (Ctrl+C, a fork timeout). */
    private final Thread stopOnExit;

    private Cluster(Path dir, Map<String, String> env, int nginxPort, int[] app1Ports, int[] app2Ports) {
        this.dir = dir;
        this.env = env;
        this.nginxPort = nginxPort;
        this.app1 = new SiteProcess("app-1", app1Ports[0], app1Ports[1], dir.resolve("app-1.log"), () -> pid("app-1"),
                () -> run("stop", "app-1"));
        this.app2 = new SiteProcess("app-2", app2Ports[0], app2Ports[1], dir.resolve("app-2.log"), () -> pid("app-2"),
                () -> run("stop", "app-2"));
        this.stopOnExit = new Thread(() -> run("stop"), "cluster-stop-on-exit");
    }

    /**
     * Empties the database (the instances migrate it again), flushes the Redis databases and starts the topology
     * with the given settings for both instances ({@code QA_*} variables), in a directory of its own. Nothing inherited
     * from the shell's {@code QA_*} or {@code QUARKUS_*} variables reaches the instances.
     *
     * @param firstPort nginx's port, the instances' are the next two and their management interfaces' the two after;
     *        0 for any five free loopback ports
     */
    public static Cluster start(Path dir, int firstPort, String dbUrl, String redisUrl, int[] redisDatabases,
            Map<String, String> settings) {
        emptyDatabase(dbUrl, settings.getOrDefault("QA_DB_USER", "qa"), settings.getOrDefault("QA_DB_PASSWORD", "qa"));
        flushRedis(URI.create(redisUrl), redisDatabases);

        // nginx, app-1, app-2, app-1's management interface, app-2's
        int[] ports = firstPort > 0 ? IntStream.range(firstPort, firstPort + 5).toArray() : freeLoopbackPorts(5);
        int nginx = ports[0];
        int[] app1 = { ports[1], ports[3] };
        int[] app2 = { ports[2], ports[4] };
        Map<String, String> env = new HashMap<>(settings);
        env.put("QA_DB_URL", dbUrl);
        env.put("QA_REDIS_STREAMS_URL", redisUrl + "/" + redisDatabases[0]);
        env.put("QA_REDIS_CACHE_URL", redisUrl + "/" + redisDatabases[1]);
        env.put("QA_REDIS_LOCKS_URL", redisUrl + "/" + redisDatabases[2]);
        env.put("QA_CLUSTER_PORT", Integer.toString(nginx));
        env.put("QA_CLUSTER_APP1_PORT", Integer.toString(app1[0]));
        env.put("QA_CLUSTER_APP2_PORT", Integer.toString(app2[0]));
        env.put("QA_CLUSTER_APP1_MANAGEMENT_PORT", Integer.toString(app1[1]));
        env.put("QA_CLUSTER_APP2_MANAGEMENT_PORT", Integer.toString(app2[1]));
        env.put("QA_CLUSTER_DIR", dir.toAbsolutePath().toString());
        env.put("QA_CLUSTER_JAR", Path.of(System.getProperty("qa.it.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath().toString());
        env.put("QA_DEMO_RATIO", "0");
        // The instances run with the options file as always; an AOT cache's training run would only slow the test.
        env.put("QA_AOT_CACHE", "off");
        env.putIfAbsent("QA_SESSION_KEY", UUID.randomUUID() + "-" + UUID.randomUUID());
        // The JDK that runs the test runs the site too.
        env.put("JAVA_HOME", System.getProperty("java.home"));

        Cluster cluster = new Cluster(dir, env, nginx, app1, app2);
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        try {
            Files.createDirectories(dir);
            cluster.run("start");
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            System.out.println(cluster.tails());
            try {
                cluster.close();
            } catch (RuntimeException stopFailed) {
                e.addSuppressed(stopFailed);
            }
            throw e;
        }
        return cluster;
    }

    /** Redis database numbers for streams, cache and locks, from "5,6,7". */
    public static int[] databases(String commaSeparated) {
        int[] numbers = Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        if (numbers.length != 3) {
            throw new IllegalArgumentException("three Redis databases (streams, cache, locks), not " + commaSeparated);
        }
        return numbers;
    }

    /** nginx's address: the site as its readers see it. */
    public String url() {
        return "http://127.0.0.1:" + nginxPort;
    }

    /** {@code app-1} or {@code app-2}, to be talked to directly. */
    public SiteProcess app1() {
        return app1;
    }

    public SiteProcess app2() {
        return app2;
    }

    /** nginx's access log: one line a request, with the instance that served it ({@code upstream=host:port}). */
    public List<String> accessLog() {
        try {
            Path log = dir.resolve("nginx-access.log");
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of both instances' output and of nginx's error log, for a failure report. */
    public String tails() {
        List<String> parts = new ArrayList<>();
        parts.add(app1.tail(80));
        parts.add(app2.tail(80));
        parts.add(SiteProcess.tail("nginx", dir.resolve("nginx-error.log"), 20));
        parts.add(SiteProcess.tail("bin/cluster", dir.resolve("cluster.out"), 40));
        return String.join("\n", parts);
    }

    @Override
    public void close() {
        run("stop");
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already, and the hook runs anyway
        }
    }

    /** The process id in a part's pid file, or -1 when it has none (stopped). */
    private long pid(String part) {
        try {
            Path file = dir.resolve(part + ".pid");
            return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Runs {@code bin/cluster} with the cluster's environment; its output is appended to {@code cluster.out}. */
    private void run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "bin/cluster"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cluster.out").toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("QA_") || key.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/cluster " + String.join(" ", args) + " hangs");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bin/cluster " + String.join(" ", args) + " failed with status "
                        + process.exitValue() + "\n" + SiteProcess.tail("bin/cluster", dir.resolve("cluster.out"), 40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bin/cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while bin/cluster " + String.join(" ", args) + " ran", e);
        }
    }

    /** Drops what an earlier run left in the database; a database that does not exist yet is created by the script. */
    private static void emptyDatabase(String url, String user, String password) {
        try (var connection = DriverManager.getConnection(url, user, password)) {
            // reachable: empty it below
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return; // does not exist yet: bin/services creates it
            }
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
        }
        Flyway.configure().dataSource(url, user, password).cleanDisabled(false).load().clean();
    }

    /** FLUSHDB on each database, in Redis' own protocol: the test needs no Redis client for two commands. */
    private static void flushRedis(URI redis, int... databases) {
        try (Socket socket = new Socket(InetAddress.getByName(redis.getHost()), redis.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int database : databases) {
                for (List<String> command : List.of(List.of("SELECT", Integer.toString(database)),
                        List.of("FLUSHDB"))) {
                    StringBuilder resp = new StringBuilder("*").append(command.size()).append("\r\n");
                    command.forEach(arg -> resp.append('$').append(arg.length()).append("\r\n").append(arg)
                            .append("\r\n"));
                    out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String reply = in.readLine();
                    if (!"+OK".equals(reply)) {
                        throw new IllegalStateException("Redis answered " + reply + " to " + command);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis is not reachable at " + redis, e);
        }
    }

    /** Distinct free ports: all are held open until each has been found. */
    private static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing to do about it here
                }
            }
        }
    }
}
