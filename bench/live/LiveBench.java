import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;

/**
 * Load client of bench/live.sh, run with the source launcher (JDK 21 or later) on libraries of the packaged site:
 * Vert.x' WebSocket and Redis clients and Jackson (bench/live.sh puts them on the classpath). The answers are posted
 * on plain sockets ({@link Poster}), the logins through the JDK's HttpClient.
 *
 * <pre>
 * java -cp CLASSPATH LiveBench.java live --base http://127.0.0.1:8390 --question 7 --viewers 1000 --rate 2 \
 *     --duration 20 --user demo-1 --password demo-password
 * java -cp CLASSPATH LiveBench.java raw --redis 127.0.0.1:6379 --db 13 --readers 1 --rate 100 --count 2000
 * </pre>
 *
 * {@code live}: opens the viewers' WebSockets on one question, waits until every one is open and has had its first
 * frame, posts answers through the JSON API at a steady rate from the {@code --user} members in turn (one name, or
 * several separated by commas, all with the same password), and measures for every (answer, viewer) the
 * time from just before the POST was sent to the arrival of that viewer's {@code answer} frame. The first
 * {@code --lead-in} answers go to the same viewers at the same rate but are left out of the figures: they bring this
 * program's own frame handling (a JVM started for the run) and the site's fan-out to N sockets to the JIT compiler, so
 * that neither decides the measured figures; their delivery is still checked.
 * {@code raw}: the same measure one level down, XADD to the XREAD BLOCK readers on the same Redis.
 * Both print progress on stderr and one line {@code RESULT key=value ...} on stdout.
 */
public class LiveBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        try {
            switch (args[0]) {
                case "live" -> new Live(opts).run();
                case "raw" -> new Raw(opts).run();
                default -> usage();
            }
        } catch (Exception e) {
            log("failed: %s", e);
            System.exit(1);
        }
        System.exit(0); // the HTTP client's threads need not be waited for
    }

    static void usage() {
        System.err.println("""
                usage: java -cp CLASSPATH LiveBench.java live --base URL --question ID --viewers N [--rate 2]
                                   [--duration 20] [--lead-in 0] --user NAME[,NAME...] --password PW [--threads 1] [--drain 15]
                                   [--label TEXT]
                       java -cp CLASSPATH LiveBench.java raw [--redis 127.0.0.1:6379] [--db 13] [--key bench:live]
                                   [--readers 1] [--rate 100] [--count 2000]""");
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
        System.err.printf("[live-client] " + format + "%n", args);
    }

    /** Latency figures of a sample of nanosecond durations, in ms (nearest rank). */
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
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }

        String fields() {
            return String.format("p50_ms=%.2f p99_ms=%.2f max_ms=%.2f samples=%d", p50, p99, max, n);
        }
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Waits until the given instant (System.nanoTime()), sleeping. */
    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // live: WebSocket viewers and posted answers

    static final class Live {
        final URI base;
        final long question;
        final int viewers;
        final double rate;
        final int answers;
        final int leadIn; // answers posted first, at the same rate, left out of the figures
        final List<String> users; // the posting members, in turn
        final String password;
        final int loopCount;
        final String path;
        static final int HANDSHAKES_AT_A_TIME = 100;
        final long drainNanos;
        final String label;
        final String runId = Long.toString(System.currentTimeMillis(), 36) + "-"
                + UUID.randomUUID().toString().substring(0, 6);

        final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

        /** Per answer id: when each viewer got its frame (0 = not yet), and how many frames each viewer got. */
        final Map<Long, Delivery> deliveries = new ConcurrentHashMap<>();
        final Viewer[] all;
        final AtomicInteger opened = new AtomicInteger(), openFailed = new AtomicInteger();
        final AtomicInteger greeted = new AtomicInteger();
        final AtomicInteger closedEarly = new AtomicInteger(), errors = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicInteger reloadFrames = new AtomicInteger(), viewersFrames = new AtomicInteger(),
                otherFrames = new AtomicInteger(), badFrames = new AtomicInteger();
        final AtomicReference<String> firstProblem = new AtomicReference<>();
        volatile boolean closing;

        Live(Map<String, String> o) {
            base = URI.create(opt(o, "base", null));
            question = Long.parseLong(opt(o, "question", null));
            viewers = Integer.parseInt(opt(o, "viewers", null));
            rate = Double.parseDouble(opt(o, "rate", "2"));
            answers = (int) Math.round(rate * Double.parseDouble(opt(o, "duration", "20")));
            leadIn = Integer.parseInt(opt(o, "lead-in", "0"));
            users = List.of(opt(o, "user", null).split(","));
            password = opt(o, "password", null);
            loopCount = Integer.parseInt(opt(o, "threads", "1"));
            path = "/ws/questions/" + question;
            drainNanos = (long) (Double.parseDouble(opt(o, "drain", "15")) * 1e9);
            label = opt(o, "label", "live");
            all = new Viewer[viewers];
        }

        final class Delivery {
            final AtomicLongArray at = new AtomicLongArray(viewers);
            final AtomicIntegerArray count = new AtomicIntegerArray(viewers);
            final AtomicInteger viewersReached = new AtomicInteger();
            volatile long postedAt; // System.nanoTime() just before the POST was sent; 0 = not one of ours (yet)
        }

        void problem(String text) {
            if (firstProblem.compareAndSet(null, text)) {
                log("%s: first problem: %s", label, text);
            }
        }

        /**
         * One viewer: a WebSocket of Vert.x' client, on one of its event loops (the JDK's java.net.http WebSocket costs
         * about 0.1 ms of CPU per frame, which made the client, not the site, the limit at a few thousand viewers on 2
         * CPUs).
         */
        final class Viewer {
            final int index;
            final CountDownLatch firstFrame = new CountDownLatch(1);
            WebSocket socket;
            volatile boolean open; // handshake done
            boolean closed;
            long lastMillis = -1, lastSeq = -1; // stream position of the last answer frame

            Viewer(int index) {
                this.index = index;
            }

            /** On the socket's event loop, as every handler below. */
            void opened(WebSocket ws) {
                socket = ws;
                ws.frameHandler(f -> received(f, System.nanoTime()));
                ws.exceptionHandler(e -> {
                    if (!closing && !closed) {
                        errors.incrementAndGet();
                        problem("viewer " + index + ": error: " + e);
                    }
                });
                ws.closeHandler(v -> {
                    if (!closing && !closed) {
                        closedEarly.incrementAndGet();
                        problem("viewer " + index + (ws.closeStatusCode() == null ? ": the site closed the connection"
                                : ": closed by the site, " + ws.closeStatusCode() + " " + ws.closeReason()));
                    }
                    closed = true;
                });
                open = true;
                opened.incrementAndGet();
            }

            /** A text message's frames so far when the site split one (past 64 KiB); null between messages. */
            Buffer partial;
            /** A binary message (already reported) has frames still to come. */
            boolean inBinary;

            /**
             * A frame as it arrives: its bytes are parsed as they are, not decoded to a String first (Vert.x' text
             * message handler does that for every frame, the answer's HTML included); the client's CPU over a round
             * of 10,000 viewers was 4.9-6.1 s in four runs, against 6.5 s before. A message in several frames is put
             * together first.
             */
            void received(WebSocketFrame f, long now) {
                if (f.isBinary() || f.isContinuation() && partial == null) {
                    if (!inBinary) { // once per message, not per frame
                        otherFrames.incrementAndGet();
                        problem("viewer " + index + ": a binary message");
                    }
                    inBinary = !f.isFinal();
                    return;
                }
                if (!f.isText() && !f.isContinuation()) {
                    return; // close (the close handler reports it), ping or pong
                }
                if (!f.isFinal() || partial != null) {
                    partial = partial == null ? f.binaryData().copy() : partial.appendBuffer(f.binaryData());
                    if (f.isFinal()) {
                        byte[] message = partial.getBytes();
                        partial = null;
                        frame(message, now);
                    }
                    return;
                }
                frame(f.binaryData().getBytes(), now);
            }

            void frame(byte[] text, long now) {
                Frame json;
                try {
                    json = Frame.of(text);
                } catch (IllegalArgumentException e) {
                    badFrames.incrementAndGet();
                    problem("viewer " + index + ": a frame that is not a JSON object: " + abbreviate(text));
                    return;
                }
                switch (json.type == null ? "" : json.type) {
                    case "answer" -> {
                        if (json.answerId == null) {
                            badFrames.incrementAndGet();
                            problem("viewer " + index + ": an answer frame without answerId: " + abbreviate(text));
                            break;
                        }
                        long id = json.answerId;
                        String position = json.position == null ? "" : json.position;
                        long[] parsed = position(position);
                        if (parsed != null) {
                            long millis = parsed[0];
                            long seq = parsed[1];
                            if (millis < lastMillis || millis == lastMillis && seq <= lastSeq) {
                                outOfOrder.incrementAndGet();
                                problem("viewer " + index + ": answer " + id + " at " + position + " after one at "
                                        + lastMillis + "-" + lastSeq);
                            } else {
                                lastMillis = millis;
                                lastSeq = seq;
                            }
                        } else {
                            badFrames.incrementAndGet();
                            problem("viewer " + index + ": an answer frame without a stream position: " + abbreviate(text));
                        }
                        Delivery d = deliveries.computeIfAbsent(id, k -> new Delivery());
                        if (d.count.getAndIncrement(index) == 0) {
                            d.at.set(index, now);
                            d.viewersReached.incrementAndGet();
                        }
                    }
                    case "viewers" -> viewersFrames.incrementAndGet();
                    case "position" -> { // how far the site's reader got (every 30 s): a known frame, nothing to check
                    }
                    case "reload" -> {
                        reloadFrames.incrementAndGet();
                        problem("viewer " + index + ": a reload frame");
                    }
                    default -> {
                        otherFrames.incrementAndGet();
                        problem("viewer " + index + ": a frame of an unknown type: " + abbreviate(text));
                    }
                }
                if (firstFrame.getCount() > 0) {
                    greeted.incrementAndGet(); // before the count-down, which the main thread waits for
                    firstFrame.countDown();
                }
            }
        }

        void run() throws Exception {
            // Each member posts on a kept-alive connection of its own, from a thread of its own: a POST that takes long
            // does not hold up the next member's.
            List<Poster> posters = new ArrayList<>();
            List<ExecutorService> lanes = new ArrayList<>();
            for (String user : users) {
                Poster poster = new Poster(base, login(user));
                poster.connect();
                posters.add(poster);
                lanes.add(Executors.newSingleThreadExecutor());
            }
            if (viewers > 0) {
                openViewers(); // 0 viewers: only the posting, to check the login and the API
            }
            Thread.sleep(1000); // let the presence updates of the last joins go out before the first answer
            int total = leadIn + answers;
            long[] postedAt = new long[total];
            long[] answerIds = new long[total];
            int[] statuses = new int[total];
            long[] postNanos = new long[total];
            List<CompletableFuture<Void>> posts = new ArrayList<>();
            log("%s: posting %d answers (%d of them the lead-in, not measured) at %.1f/s to question %d as %s", label,
                    total, leadIn, rate, question, String.join(", ", users));
            long start = System.nanoTime() + 100_000_000L;
            long periodNanos = (long) (1e9 / rate);
            String answersPath = "/api/v1/questions/" + question + "/answers";
            double cpuBefore = cpuSeconds();
            for (int i = 0; i < total; i++) {
                sleepUntil(start + i * periodNanos);
                if (i == leadIn) {
                    cpuBefore = cpuSeconds();
                }
                final int k = i;
                Poster poster = posters.get(k % posters.size());
                byte[] body = answerJson(k).getBytes(StandardCharsets.UTF_8);
                posts.add(CompletableFuture.runAsync(() -> {
                    long sent = System.nanoTime();
                    postedAt[k] = sent;
                    Poster.Reply reply;
                    try {
                        reply = poster.post(answersPath, body);
                    } catch (IOException | RuntimeException e) {
                        postNanos[k] = System.nanoTime() - sent;
                        poster.close(); // in an unknown state: the next POST opens a new connection
                        problem("POST " + k + ": " + e);
                        return;
                    }
                    postNanos[k] = System.nanoTime() - sent;
                    statuses[k] = reply.status();
                    if (reply.status() != 201) {
                        problem("POST " + k + ": " + reply.status() + " " + abbreviate(reply.body()));
                        return;
                    }
                    long id = object(reply.body()).get("id").asLong();
                    answerIds[k] = id;
                    deliveries.computeIfAbsent(id, x -> new Delivery()).postedAt = sent;
                }, lanes.get(k % lanes.size())));
            }
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long lastPostDone = System.nanoTime();
            lanes.forEach(ExecutorService::shutdown);
            posters.forEach(Poster::close);
            int created = (int) Arrays.stream(statuses, leadIn, total).filter(s -> s == 201).count();
            int open = opened.get();
            // Wait for the stragglers: until every viewer has every answer, or the drain time has passed.
            long deadline = lastPostDone + drainNanos;
            while (System.nanoTime() < deadline && !allDelivered(answerIds, open)) {
                Thread.sleep(20);
            }
            double cpuAfter = cpuSeconds();
            Thread.sleep(500); // duplicates that come right after
            closeViewers();

            // The figures, over the (answer, viewer) pairs of the answers this run created.
            long expected = (long) created * open;
            long received = 0, missing = 0, duplicated = 0, answersMissed = 0, leadInWrong = 0;
            long[] lat = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(expected, 1))];
            int n = 0;
            long firstSent = Long.MAX_VALUE, lastFrame = 0;
            Map<Integer, Integer> missesByViewer = new HashMap<>();
            for (int k = 0; k < total; k++) {
                if (statuses[k] != 201) {
                    if (k < leadIn) {
                        leadInWrong++; // a failed POST of the lead-in (the measured ones count in "created")
                    }
                    continue;
                }
                Delivery d = deliveries.get(answerIds[k]);
                log("%s: answer #%d%s posted %.3f s in: POST %.1f ms, frames first / median / last %s", label, k,
                        k < leadIn ? " (lead-in)" : "", (postedAt[k] - start) / 1e9, postNanos[k] / 1e6,
                        spread(d, postedAt[k]));
                if (k < leadIn) {
                    leadInWrong += checkLeadIn(d, k);
                    continue;
                }
                firstSent = Math.min(firstSent, postedAt[k]);
                int missedHere = 0;
                for (int v = 0; v < viewers; v++) {
                    if (all[v] == null || !all[v].open) {
                        continue;
                    }
                    int c = d == null ? 0 : d.count.get(v);
                    if (c == 0) {
                        missing++;
                        missedHere++;
                        missesByViewer.merge(v, 1, Integer::sum);
                        continue;
                    }
                    received++;
                    duplicated += c - 1;
                    long at = d.at.get(v);
                    lat[n++] = at - postedAt[k];
                    lastFrame = Math.max(lastFrame, at);
                }
                if (missedHere > 0) {
                    answersMissed++;
                    log("%s: answer %d (#%d, posted %.3f s in) missed by %d of %d viewers", label, answerIds[k], k,
                            (postedAt[k] - start) / 1e9, missedHere, open);
                }
            }
            long foreign = 0;
            for (Map.Entry<Long, Delivery> e : deliveries.entrySet()) {
                if (e.getValue().postedAt == 0) {
                    foreign += e.getValue().viewersReached.get();
                }
            }
            if (!missesByViewer.isEmpty()) {
                log("%s: %d viewers missed at least one answer (by misses: %s)", label, missesByViewer.size(),
                        histogram(missesByViewer.values()));
            }
            Figures f = Figures.of(lat, n);
            long[] postSorted = Arrays.copyOfRange(postNanos, leadIn, total);
            Figures postFigures = Figures.of(postSorted, answers);
            double span = (lastFrame - firstSent) / 1e9;
            double fps = n == 0 || span <= 0 ? 0 : received / span;
            if (n == 0) {
                span = 0;
            }
            log("%s: %d answers created, frames expected %d, received %d, missing %d, duplicated %d; %s; %.0f frames/s",
                    label, created, expected, received, missing, duplicated, f.fields(), fps);
            System.out.printf(
                    "RESULT viewers=%d open=%d greeted=%d answers=%d created=%d expected=%d received=%d missing=%d "
                            + "duplicated=%d answers_missed=%d foreign=%d %s frames_per_s=%.0f span_s=%.2f "
                            + "post_p50_ms=%.2f post_max_ms=%.2f viewers_frames=%d reload=%d other=%d bad=%d "
                            + "closed_early=%d errors=%d open_failed=%d out_of_order=%d client_cpu_s=%.2f "
                            + "lead_in=%d lead_in_wrong=%d%n",
                    viewers, open, greeted.get(), answers, created, expected, received, missing, duplicated,
                    answersMissed, foreign, f.fields(), fps, span, postFigures.p50(), postFigures.max(),
                    viewersFrames.get(), reloadFrames.get(), otherFrames.get(), badFrames.get(), closedEarly.get(),
                    errors.get(), openFailed.get(), outOfOrder.get(), cpuAfter - cpuBefore, leadIn, leadInWrong);
        }

        /** A lead-in answer is not measured, but every open viewer must have it once, as any answer. */
        int checkLeadIn(Delivery d, int k) {
            int wrong = 0;
            for (int v = 0; v < viewers; v++) {
                if (all[v] != null && all[v].open) {
                    int c = d == null ? 0 : d.count.get(v);
                    if (c != 1) {
                        wrong++;
                        problem("lead-in answer #" + k + ": viewer " + v + " got " + c + " frames of it");
                    }
                }
            }
            return wrong;
        }

        /** The first, median and last frame of one answer, in ms from its POST, over the viewers that got it. */
        String spread(Delivery d, long posted) {
            if (d == null) {
                return "(none)";
            }
            long[] at = new long[viewers];
            int m = 0;
            for (int v = 0; v < viewers; v++) {
                if (d.count.get(v) > 0) {
                    at[m++] = d.at.get(v) - posted;
                }
            }
            if (m == 0) {
                return "(none)";
            }
            Arrays.sort(at, 0, m);
            return String.format("%.1f / %.1f / %.1f ms", at[0] / 1e6, at[m / 2] / 1e6, at[m - 1] / 1e6);
        }

        boolean allDelivered(long[] answerIds, int open) {
            for (long id : answerIds) {
                if (id == 0) {
                    continue; // a failed POST
                }
                Delivery d = deliveries.get(id);
                if (d == null || d.viewersReached.get() < open) {
                    return false;
                }
            }
            return true;
        }

        String answerJson(int k) {
            // Unique per run and answer (a member may not post the same text twice in an hour), a few lines of
            // Markdown like an ordinary answer.
            String body = "Live bench answer " + runId + " #" + k + ".\n\n"
                    + "Run the query once with `EXPLAIN (ANALYZE, BUFFERS)` and compare the estimated rows with the "
                    + "actual ones: when they differ by orders of magnitude, the planner's statistics are stale, so "
                    + "an `ANALYZE` of the table (or a higher statistics target on the filtered column) fixes the plan.\n\n"
                    + "- check the index is used\n- check the sort happens in memory\n";
            return JSON.createObjectNode().put("body", body).toString();
        }

        String login(String user) throws Exception {
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> session = r.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("qa-session=")).map(c -> c.split(";", 2)[0]).findFirst();
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() / 100 != 3 || session.isEmpty() || location.contains("/login")) {
                throw new IllegalStateException("login as " + user + " failed: " + r.statusCode() + " " + location);
            }
            log("%s: logged in as %s", label, user);
            return session.get();
        }

        Vertx vertx;

        void openViewers() throws Exception {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loopCount));
            // Each connect made outside Vert.x gets the next event loop, so the viewers are spread over the loops.
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(viewers).setConnectTimeout(10_000)
                    .setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20));
            int port = base.getPort() > 0 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80;
            log("%s: opening %d WebSockets on ws://%s%s (%d at a time)", label, viewers, base.getRawAuthority(), path,
                    HANDSHAKES_AT_A_TIME);
            long t0 = System.nanoTime();
            Semaphore inFlight = new Semaphore(HANDSHAKES_AT_A_TIME);
            CountDownLatch done = new CountDownLatch(viewers);
            for (int i = 0; i < viewers; i++) {
                inFlight.acquire();
                Viewer viewer = new Viewer(i);
                all[i] = viewer;
                client.connect(port, base.getHost(), path).onComplete(ws -> {
                    if (ws.succeeded()) {
                        viewer.opened(ws.result());
                    } else {
                        openFailed.incrementAndGet();
                        problem("viewer " + viewer.index + " did not open: " + ws.cause());
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            long openLimit = 120 + viewers / 20;
            if (!done.await(openLimit, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "only " + opened.get() + " of " + viewers + " WebSockets opened in " + openLimit + " s");
            }
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            // Every viewer gets a presence frame on open: the room has it then.
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (Viewer v : all) {
                if (v.open) {
                    v.firstFrame.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            }
            log("%s: %d of %d open in %.1f s (%d failed), %d have had their first frame", label, opened.get(), viewers,
                    openSeconds, openFailed.get(), greeted.get());
            if (opened.get() == 0) {
                throw new IllegalStateException("no WebSocket opened");
            }
        }

        void closeViewers() throws Exception {
            closing = true;
            if (vertx == null) {
                return;
            }
            List<Future<Void>> closed = new ArrayList<>();
            for (Viewer v : all) {
                if (v.open) {
                    closed.add(v.socket.close((short) 1000)); // normal closure
                }
            }
            Future.join(closed).transform(ignored -> vertx.close()).toCompletionStage().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
        }
    }

    /**
     * One member's kept-alive HTTP/1.1 connection for posting answers, written and read by hand on a blocking socket.
     * The JDK's HttpClient, still cold in this short-lived JVM, added about 5 ms to each POST (the client's POST p50
     * was 17 ms where the site's own handling took 11 ms), and that time was counted in every frame's latency. A
     * connection the site closes is opened again at the next POST (not timed apart).
     */
    static final class Poster {
        record Reply(int status, String body) {
        }

        final String host;
        final int port;
        final String cookie;
        Socket socket;
        InputStream in;
        OutputStream out;

        Poster(URI base, String cookie) {
            if (!"http".equals(base.getScheme())) {
                throw new IllegalArgumentException("--base must be an http:// address (answers are posted on a plain socket)");
            }
            this.host = base.getHost();
            this.port = base.getPort() > 0 ? base.getPort() : 80;
            this.cookie = cookie;
        }

        void connect() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 << 10);
            out = socket.getOutputStream();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }

        /** A JSON POST and its reply; IOException when the connection fails or the reply is not HTTP/1.1. */
        Reply post(String path, byte[] json) throws IOException {
            if (socket == null || socket.isClosed()) {
                connect();
            }
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nCookie: " + cookie
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + json.length + "\r\n\r\n";
            // Head and body in one write, so that they leave in one packet (the socket sends without delay).
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + json.length);
            System.arraycopy(json, 0, request, headBytes.length, json.length);
            out.write(request);
            out.flush();
            String status = line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                close();
                throw new IOException("not an HTTP reply: " + abbreviate(status));
            }
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false, closes = false;
            for (String header; !(header = line()).isEmpty();) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0;) {
                    copy(size, body);
                    line(); // the CRLF after the chunk
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body); // until the site closes the connection
                closes = true;
            }
            if (closes) {
                close();
            }
            return new Reply(code, body.toString(StandardCharsets.UTF_8));
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = in.readNBytes((int) n);
            if (buffer.length < n) {
                throw new IOException("the reply ended early");
            }
            to.write(buffer);
        }

        /** One line of the reply's head, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n';) {
                if (c < 0) {
                    throw new IOException("the connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    static String histogram(Iterable<Integer> values) {
        Map<Integer, Integer> h = new java.util.TreeMap<>();
        for (int v : values) {
            h.merge(v, 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder();
        h.forEach((misses, viewers) -> s.append(s.isEmpty() ? "" : ", ").append(misses).append(" missed: ")
                .append(viewers).append(" viewers"));
        return s.toString();
    }

    static String abbreviate(byte[] utf8) {
        return abbreviate(new String(utf8, StandardCharsets.UTF_8));
    }

    static String abbreviate(String s) {
        s = s.replace('\n', ' ');
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // raw: XADD to XREAD BLOCK on the same Redis, in RESP over a plain socket

    static final class Raw {
        final String host;
        final int port;
        final int db;
        final String key;
        final int readers;
        final double rate;
        final int count;

        Raw(Map<String, String> o) {
            String[] hp = opt(o, "redis", "127.0.0.1:6379").split(":");
            host = hp[0];
            port = Integer.parseInt(hp[1]);
            db = Integer.parseInt(opt(o, "db", "13"));
            key = opt(o, "key", "bench:live");
            readers = Integer.parseInt(opt(o, "readers", "1"));
            rate = Double.parseDouble(opt(o, "rate", "100"));
            count = Integer.parseInt(opt(o, "count", "2000"));
        }

        /** XREAD BLOCK after XREAD BLOCK on a connection of its own, until it has had every entry or time is up. */
        final class Reader {
            final int index;
            final RedisAPI redis;
            final long[] receivedAt = new long[count];
            final int[] times = new int[count];
            final CompletableFuture<Void> done = new CompletableFuture<>();
            // From the beginning of the emptied stream: no reader misses an entry added before its first XREAD (that
            // one's latency would only look longer).
            String last = "0-0";
            int got;

            Reader(int index, RedisAPI redis) {
                this.index = index;
                this.redis = redis;
            }

            void next(long deadline) {
                if (got >= count || System.nanoTime() >= deadline) {
                    done.complete(null);
                    return;
                }
                redis.xread(List.of("COUNT", "1000", "BLOCK", "1000", "STREAMS", key, last)).onComplete(read -> {
                    long now = System.nanoTime();
                    if (read.failed()) {
                        log("raw: reader %d: %s", index, read.cause());
                        done.completeExceptionally(read.cause());
                        return;
                    }
                    if (read.result() != null) { // null: timed out, nothing new
                        for (Response entry : read.result().get(0).get(1)) {
                            last = entry.get(0).toString();
                            Response fields = entry.get(1);
                            for (int i = 0; i + 1 < fields.size(); i += 2) {
                                if ("seq".equals(fields.get(i).toString())) {
                                    int seq = fields.get(i + 1).toInteger();
                                    if (times[seq]++ == 0) {
                                        receivedAt[seq] = now;
                                        got++;
                                    }
                                }
                            }
                        }
                    }
                    next(deadline);
                });
            }
        }

        void run() throws Exception {
            long[] sentAt = new long[count];
            Vertx vertx = Vertx.vertx();
            // The writer and every reader on a connection of their own (an XREAD BLOCK holds its connection). RESP2:
            // XREAD's reply is an array of [stream, entries].
            Redis client = Redis.createClient(vertx, new RedisOptions()
                    .setConnectionString("redis://" + host + ":" + port + "/" + db)
                    .setPreferredProtocolVersion(ProtocolVersion.RESP2)
                    .setMaxPoolSize(readers + 1).setMaxPoolWaiting(readers + 1));
            RedisAPI writer = RedisAPI.api(await(client.connect()));
            await(writer.del(List.of(key)));
            List<Reader> all = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                all.add(new Reader(r, RedisAPI.api(await(client.connect()))));
            }
            long deadline = System.nanoTime() + (long) ((count / rate + 30) * 1e9);
            all.forEach(reader -> reader.next(deadline));
            Thread.sleep(500); // every reader blocked in its first XREAD
            log("raw: %d entries at %.0f/s, %d XREAD BLOCK reader(s), Redis %s:%d db %d, key %s", count, rate,
                    readers, host, port, db, key);
            String payload = "{\"answerId\":%d,\"questionId\":1,\"authorId\":2,\"questionAuthorId\":3}";
            long start = System.nanoTime() + 50_000_000L;
            long period = (long) (1e9 / rate);
            for (int i = 0; i < count; i++) {
                sleepUntil(start + i * period);
                sentAt[i] = System.nanoTime();
                await(writer.xadd(List.of(key, "MAXLEN", "~", "100000", "*", "id", UUID.randomUUID().toString(), "type",
                        "answer.created", "v", "1", "payload", String.format(payload, i), "seq", Integer.toString(i))));
            }
            long readerErrors = 0;
            for (Reader reader : all) {
                try {
                    reader.done.get();
                } catch (ExecutionException e) {
                    readerErrors++;
                }
            }
            await(writer.del(List.of(key)));
            vertx.close();
            long[] lat = new long[readers * count];
            int n = 0;
            long missing = 0, duplicated = 0;
            for (Reader reader : all) {
                for (int i = 0; i < count; i++) {
                    if (reader.times[i] == 0) {
                        missing++;
                    } else {
                        duplicated += reader.times[i] - 1;
                        lat[n++] = reader.receivedAt[i] - sentAt[i];
                    }
                }
            }
            Figures f = Figures.of(lat, n);
            log("raw: %s, missing %d, duplicated %d", f.fields(), missing, duplicated);
            System.out.printf("RESULT readers=%d entries=%d rate=%s %s missing=%d duplicated=%d errors=%d%n",
                    readers, count, fmt(rate), f.fields(), missing, duplicated, readerErrors);
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON object a text holds; IllegalArgumentException when it holds none. */
    static JsonNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // below
        }
        throw new IllegalArgumentException("not a JSON object");
    }

    /**
     * The fields of a live frame that the bench looks at, read with Jackson's streaming parser: the rest (the answer's
     * HTML above all) is skipped, not built into a tree, so that one client thread keeps up with 10,000 sockets.
     */
    record Frame(String type, Long answerId, String position) {

        /** IllegalArgumentException when the text is not one JSON object. */
        static Frame of(byte[] text) {
            String type = null, position = null;
            Long answerId = null;
            try (JsonParser parser = JSON.getFactory().createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                JsonToken token;
                while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        case "answerId" -> answerId = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                        case "position" -> position = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        default -> parser.skipChildren();
                    }
                }
                if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                    throw new IllegalArgumentException("not a JSON object");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("not a JSON object", e);
            }
            return new Frame(type, answerId, position);
        }
    }

    /** A stream position {@code millis-sequence} as its two numbers, or null when the text is not one. */
    static long[] position(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return null;
        }
        try {
            long millis = Long.parseLong(text, 0, dash, 10);
            long seq = Long.parseLong(text, dash + 1, text.length(), 10);
            return millis < 0 || seq < 0 || text.charAt(dash + 1) == '+' || text.charAt(0) == '+' ? null
                    : new long[] { millis, seq };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
