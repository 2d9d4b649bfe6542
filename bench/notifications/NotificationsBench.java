import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Client of bench/notifications.sh, run with the source launcher (JDK 21 or later) on libraries of the packaged site:
 * Vert.x' WebSocket client, Jackson, and the site's bcrypt (bench/notifications.sh puts them on the classpath).
 *
 * <pre>
 * java -cp CLASSPATH NotificationsBench.java hash --password bench-password
 * java -cp CLASSPATH NotificationsBench.java badge --base http://127.0.0.1:8590 --question 7 --readers 1000 \
 *     --reader-prefix bench-f- --password bench-password --poster bench-answerer --answers 20 --rate 1
 * </pre>
 *
 * {@code hash}: prints a bcrypt hash of cost 4 of the password, for the bench's members (a login then costs a
 * millisecond, not a quarter of a second, so that a thousand of them log in quickly).
 * {@code badge}: logs in the readers ({@code <prefix>1} ... {@code <prefix>N}), opens each one's {@code /ws/me} and
 * waits for its first {@code unread} frame, then posts answers to the question (which every reader follows) through
 * the JSON API as the poster, at a steady rate, and measures for every (answer, reader) the time from just before the
 * POST was sent to the arrival of that reader's {@code notification} frame about that answer (its HTML links to
 * {@code /answers/<id>}), and of the {@code unread} frame that follows it. Progress on stderr, one line
 * {@code RESULT key=value ...} on stdout.
 */
public class NotificationsBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern ANSWER_LINK = Pattern.compile("/answers/(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        try {
            switch (args[0]) {
                case "hash" -> System.out.println(BcryptUtil.bcryptHash(opt(opts, "password", null), 4));
                case "badge" -> new Badge(opts).run();
                default -> usage();
            }
        } catch (Exception e) {
            log("failed: %s", e);
            System.exit(1);
        }
        System.exit(0);
    }

    static void usage() {
        System.err.println("""
                usage: java -cp CLASSPATH NotificationsBench.java hash --password PW
                       java -cp CLASSPATH NotificationsBench.java badge --base URL --question ID --readers N
                                   --reader-prefix PREFIX --password PW --poster NAME [--answers 20] [--rate 1]
                                   [--drain 15] [--threads 2]""");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    static String opt(Map<String, String> opts, String name, String fallback) {
        String v = opts.getOrDefault(name, fallback);
        if (v == null) {
            System.err.println("--" + name + " is required");
            usage();
        }
        return v;
    }

    static void log(String format, Object... args) {
        System.err.printf("[notifications-client] " + format + "%n", args);
    }

    /** p50, p99 and max of nanosecond durations, in ms (nearest rank). */
    record Figures(long n, double p50, double p99, double max) {
        static Figures of(long[] nanos, int count) {
            if (count == 0) {
                return new Figures(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] s = Arrays.copyOf(nanos, count);
            Arrays.sort(s);
            return new Figures(count, rank(s, 0.50), rank(s, 0.99), s[count - 1] / 1e6);
        }

        static double rank(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
        }
    }

    static String abbreviate(String s) {
        s = s.replace('\n', ' ');
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    static final class Badge {
        final URI base;
        final long question;
        final int readers;
        final String prefix, password, poster;
        final int answers;
        final double rate;
        final long drainNanos;
        final int loops;
        final String runId = Long.toString(System.currentTimeMillis(), 36) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

        /** Per answer id: when each reader got its notification and the unread frame after it, and how many of each. */
        final Map<Long, Delivery> deliveries = new ConcurrentHashMap<>();
        final Reader[] all;
        final AtomicInteger opened = new AtomicInteger(), openFailed = new AtomicInteger(), greeted = new AtomicInteger();
        final AtomicInteger closedEarly = new AtomicInteger(), errors = new AtomicInteger();
        final AtomicInteger otherFrames = new AtomicInteger(), badFrames = new AtomicInteger(),
                otherNotifications = new AtomicInteger();
        final AtomicReference<String> firstProblem = new AtomicReference<>();
        volatile boolean closing;
        Vertx vertx;

        Badge(Map<String, String> o) {
            base = URI.create(opt(o, "base", null));
            question = Long.parseLong(opt(o, "question", null));
            readers = Integer.parseInt(opt(o, "readers", null));
            prefix = opt(o, "reader-prefix", null);
            password = opt(o, "password", null);
            poster = opt(o, "poster", null);
            answers = Integer.parseInt(opt(o, "answers", "20"));
            rate = Double.parseDouble(opt(o, "rate", "1"));
            drainNanos = (long) (Double.parseDouble(opt(o, "drain", "15")) * 1e9);
            loops = Integer.parseInt(opt(o, "threads", "2"));
            all = new Reader[readers];
        }

        final class Delivery {
            final AtomicLongArray notified = new AtomicLongArray(readers);
            final AtomicLongArray counted = new AtomicLongArray(readers);
            final AtomicIntegerArray notifications = new AtomicIntegerArray(readers);
            final AtomicInteger readersReached = new AtomicInteger();
        }

        void problem(String text) {
            if (firstProblem.compareAndSet(null, text)) {
                log("first problem: %s", text);
            }
        }

        /** One member's open page: a socket on {@code /ws/me} of Vert.x' client, on one of its event loops. */
        final class Reader {
            final int index;
            final String cookie;
            final CountDownLatch greeting = new CountDownLatch(1);
            WebSocket socket;
            volatile boolean open;
            boolean closed;
            /** The answer of the last notification frame, whose unread frame comes next. */
            long awaitingCount = -1;

            Reader(int index, String cookie) {
                this.index = index;
                this.cookie = cookie;
            }

            void opened(WebSocket ws) {
                socket = ws;
                ws.textMessageHandler(text -> frame(text, System.nanoTime()));
                ws.exceptionHandler(e -> {
                    if (!closing && !closed) {
                        errors.incrementAndGet();
                        problem("reader " + index + ": error: " + e);
                    }
                });
                ws.closeHandler(v -> {
                    if (!closing && !closed) {
                        closedEarly.incrementAndGet();
                        problem("reader " + index + ": closed by the site, " + ws.closeStatusCode() + " "
                                + ws.closeReason());
                    }
                    closed = true;
                });
                open = true;
                opened.incrementAndGet();
            }

            void frame(String text, long now) {
                JsonNode json;
                try {
                    json = JSON.readTree(text);
                } catch (Exception e) {
                    badFrames.incrementAndGet();
                    problem("reader " + index + ": not JSON: " + abbreviate(text));
                    return;
                }
                switch (json.path("type").asText()) {
                    case "unread" -> {
                        if (greeting.getCount() > 0) {
                            greeted.incrementAndGet();
                            greeting.countDown();
                        } else if (awaitingCount >= 0) {
                            Delivery d = deliveries.get(awaitingCount);
                            if (d != null && d.counted.get(index) == 0) {
                                d.counted.set(index, now);
                            }
                            awaitingCount = -1;
                        }
                    }
                    case "notification" -> {
                        Matcher link = ANSWER_LINK.matcher(json.path("html").asText());
                        if (!link.find()) {
                            otherNotifications.incrementAndGet();
                            break;
                        }
                        long answer = Long.parseLong(link.group(1));
                        Delivery d = deliveries.computeIfAbsent(answer, k -> new Delivery());
                        if (d.notifications.getAndIncrement(index) == 0) {
                            d.notified.set(index, now);
                            d.readersReached.incrementAndGet();
                        }
                        awaitingCount = answer;
                    }
                    default -> {
                        otherFrames.incrementAndGet();
                        problem("reader " + index + ": a frame of an unknown type: " + abbreviate(text));
                    }
                }
            }
        }

        void run() throws Exception {
            List<String> cookies = logInReaders();
            String posterCookie = login(poster);
            openReaders(cookies);
            Thread.sleep(1000);
            long[] postedAt = new long[answers];
            long[] answerIds = new long[answers];
            int[] statuses = new int[answers];
            List<CompletableFuture<Void>> posts = new ArrayList<>();
            log("posting %d answers at %.1f/s to question %d as %s", answers, rate, question, poster);
            long start = System.nanoTime() + 100_000_000L;
            long period = (long) (1e9 / rate);
            double cpuBefore = cpuSeconds();
            for (int i = 0; i < answers; i++) {
                sleepUntil(start + i * period);
                int k = i;
                String body = "Notification bench answer " + runId + " #" + k + ".\n\nEvery follower of the question "
                        + "hears of it in their notifications, and the count in their header rises.";
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/questions/" + question + "/answers"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Cookie", posterCookie)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("body", body).toString()))
                        .build();
                long sent = System.nanoTime();
                postedAt[k] = sent;
                posts.add(api.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                    if (error != null) {
                        problem("POST " + k + ": " + error);
                        return null;
                    }
                    statuses[k] = response.statusCode();
                    if (response.statusCode() != 201) {
                        problem("POST " + k + ": " + response.statusCode() + " " + abbreviate(response.body()));
                        return null;
                    }
                    try {
                        answerIds[k] = JSON.readTree(response.body()).get("id").asLong();
                    } catch (Exception e) {
                        problem("POST " + k + ": " + e);
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + drainNanos;
            int open = opened.get();
            while (System.nanoTime() < deadline && !allDelivered(answerIds, open)) {
                Thread.sleep(20);
            }
            double cpuAfter = cpuSeconds();
            Thread.sleep(500);
            closeReaders();

            int created = (int) Arrays.stream(statuses).filter(s -> s == 201).count();
            long expected = (long) created * open;
            long received = 0, missing = 0, duplicated = 0, counts = 0;
            long[] notified = new long[(int) Math.max(expected, 1)];
            long[] counted = new long[(int) Math.max(expected, 1)];
            int n = 0, c = 0;
            for (int k = 0; k < answers; k++) {
                if (statuses[k] != 201) {
                    continue;
                }
                Delivery d = deliveries.get(answerIds[k]);
                for (int r = 0; r < readers; r++) {
                    if (all[r] == null || !all[r].open) {
                        continue;
                    }
                    int times = d == null ? 0 : d.notifications.get(r);
                    if (times == 0) {
                        missing++;
                        continue;
                    }
                    received++;
                    duplicated += times - 1;
                    notified[n++] = d.notified.get(r) - postedAt[k];
                    if (d.counted.get(r) > 0) {
                        counted[c++] = d.counted.get(r) - postedAt[k];
                        counts++;
                    }
                }
            }
            Figures f = Figures.of(notified, n);
            Figures fc = Figures.of(counted, c);
            log("%d answers created, frames expected %d, received %d, missing %d, duplicated %d; "
                    + "notification p50 %.1f ms p99 %.1f ms max %.1f ms; count p50 %.1f ms p99 %.1f ms", created,
                    expected, received, missing, duplicated, f.p50(), f.p99(), f.max(), fc.p50(), fc.p99());
            System.out.printf("RESULT readers=%d open=%d greeted=%d answers=%d created=%d expected=%d received=%d "
                    + "missing=%d duplicated=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f counts=%d count_p50_ms=%.1f "
                    + "count_p99_ms=%.1f other=%d bad=%d other_notifications=%d closed_early=%d errors=%d "
                    + "open_failed=%d client_cpu_s=%.2f%n", readers, open, greeted.get(), answers, created, expected,
                    received, missing, duplicated, f.p50(), f.p99(), f.max(), counts, fc.p50(), fc.p99(),
                    otherFrames.get(), badFrames.get(), otherNotifications.get(), closedEarly.get(), errors.get(),
                    openFailed.get(), cpuAfter - cpuBefore);
        }

        boolean allDelivered(long[] answerIds, int open) {
            for (long id : answerIds) {
                if (id == 0) {
                    continue;
                }
                Delivery d = deliveries.get(id);
                if (d == null || d.readersReached.get() < open) {
                    return false;
                }
            }
            return true;
        }

        List<String> logInReaders() throws Exception {
            log("logging in %d readers (%s1 ... %s%d)", readers, prefix, prefix, readers);
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
            for (int i = 1; i <= readers; i++) {
                String name = prefix + i;
                futures.add(pool.submit(() -> login(name)));
            }
            List<String> cookies = new ArrayList<>();
            for (java.util.concurrent.Future<String> f : futures) {
                cookies.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            log("%d logged in in %.1f s", readers, (System.nanoTime() - t0) / 1e9);
            return cookies;
        }

        String login(String user) throws Exception {
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("qa-session="))
                    .map(c -> c.split(";", 2)[0]).filter(c -> r.statusCode() / 100 == 3 && !location.contains("/login"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("login as " + user + " failed: " + r.statusCode()));
        }

        void openReaders(List<String> cookies) throws Exception {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(readers).setConnectTimeout(10_000));
            int port = base.getPort() > 0 ? base.getPort() : 80;
            log("opening %d sockets on ws://%s/ws/me", readers, base.getRawAuthority());
            long t0 = System.nanoTime();
            Semaphore inFlight = new Semaphore(100);
            CountDownLatch done = new CountDownLatch(readers);
            for (int i = 0; i < readers; i++) {
                inFlight.acquire();
                Reader reader = new Reader(i, cookies.get(i));
                all[i] = reader;
                WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(port)
                        .setURI("/ws/me").addHeader("Cookie", reader.cookie)
                        .addHeader("Origin", base.getScheme() + "://" + base.getRawAuthority());
                client.connect(options).onComplete(ws -> {
                    if (ws.succeeded()) {
                        reader.opened(ws.result());
                    } else {
                        openFailed.incrementAndGet();
                        problem("reader " + reader.index + " did not open: " + ws.cause());
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            if (!done.await(120 + readers / 20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + opened.get() + " of " + readers + " sockets opened");
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (Reader r : all) {
                if (r.open) {
                    r.greeting.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            }
            log("%d of %d open in %.1f s (%d failed), %d greeted with their count", opened.get(), readers,
                    (System.nanoTime() - t0) / 1e9, openFailed.get(), greeted.get());
            if (opened.get() == 0) {
                throw new IllegalStateException("no socket opened");
            }
        }

        void closeReaders() throws Exception {
            closing = true;
            List<Future<Void>> closed = new ArrayList<>();
            for (Reader r : all) {
                if (r != null && r.open) {
                    closed.add(r.socket.close((short) 1000));
                }
            }
            Future.join(closed).transform(ignored -> vertx.close()).toCompletionStage().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
        }
    }
}
