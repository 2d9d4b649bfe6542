import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load client of bench/live.sh, JDK only (run with the source launcher, JDK 21 or later).
 *
 * <pre>
 * java LiveBench.java live --base http://127.0.0.1:8390 --question 7 --viewers 1000 --rate 2 --duration 20 \
 *     --user demo-1 --password demo-password
 * java LiveBench.java raw --redis 127.0.0.1:6379 --db 13 --readers 1 --rate 100 --count 2000
 * </pre>
 *
 * {@code live}: opens the viewers' WebSockets on one question, waits until every one is open and has had its first
 * frame, posts answers through the JSON API at a steady rate as one member, and measures for every (answer, viewer) the
 * time from just before the POST was sent to the arrival of that viewer's {@code answer} frame.
 * {@code raw}: the same measure one level down, XADD to the XREAD BLOCK readers on the same Redis, in plain RESP.
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
        System.exit(0); // the event loops and readers are daemons; the HTTP client's threads need not be waited for
    }

    static void usage() {
        System.err.println("""
                usage: java LiveBench.java live --base URL --question ID --viewers N [--rate 2] [--duration 20]
                                                --user NAME --password PW [--threads 2] [--drain 15] [--label TEXT]
                       java LiveBench.java raw [--redis 127.0.0.1:6379] [--db 13] [--key bench:live]
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
        final String user, password;
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
            user = opt(o, "user", null);
            password = opt(o, "password", null);
            loopCount = Integer.parseInt(opt(o, "threads", "2"));
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
         * One viewer: a WebSocket client of its own on a non-blocking socket, driven by one of the event loops (the
         * JDK's java.net.http WebSocket costs about 0.1 ms of CPU per frame, which made the client, not the site, the
         * limit at a few thousand viewers on 2 CPUs).
         */
        final class Viewer {
            final int index;
            final CountDownLatch firstFrame = new CountDownLatch(1);
            final String key;
            SocketChannel channel;
            ByteBuffer in = ByteBuffer.allocate(8192);
            java.io.ByteArrayOutputStream fragments; // a text message in several frames
            volatile boolean open; // handshake done
            boolean closed;
            Runnable onHandshake; // success or failure, once
            long lastMillis = -1, lastSeq = -1; // stream position of the last answer frame

            Viewer(int index) {
                this.index = index;
                byte[] nonce = new byte[16];
                ThreadLocalRandom.current().nextBytes(nonce);
                key = Base64.getEncoder().encodeToString(nonce);
            }

            void start(Selector selector, InetSocketAddress address) {
                try {
                    channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    if (channel.connect(address)) {
                        handshake(channel.register(selector, SelectionKey.OP_READ, this));
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT, this);
                    }
                } catch (IOException e) {
                    fail("did not open: " + e);
                }
            }

            void ready(SelectionKey key) {
                if (closed) {
                    return;
                }
                try {
                    if (key.isConnectable()) {
                        channel.finishConnect();
                        key.interestOps(SelectionKey.OP_READ);
                        handshake(key);
                    } else if (key.isReadable()) {
                        read();
                    }
                } catch (IOException | RuntimeException e) {
                    fail(open ? "error: " + e : "did not open: " + e);
                }
            }

            void handshake(SelectionKey k) throws IOException {
                String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getRawAuthority()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
                write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            }

            void write(ByteBuffer b) throws IOException {
                for (int tries = 0; b.hasRemaining(); tries++) {
                    if (channel.write(b) == 0 && tries > 1000) {
                        throw new IOException("the socket does not take a small write");
                    }
                }
            }

            void read() throws IOException {
                if (!in.hasRemaining()) {
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                int n = channel.read(in);
                long now = System.nanoTime();
                if (n < 0 && !open) {
                    fail("did not open: the site closed the connection during the handshake");
                    return;
                }
                if (n < 0) {
                    if (!closing && !closed) {
                        closedEarly.incrementAndGet();
                        problem("viewer " + index + ": the site closed the connection");
                    }
                    shut();
                    return;
                }
                in.flip();
                if (!open && !response()) {
                    in.compact();
                    return;
                }
                frames(now);
                in.compact();
            }

            /** The handshake's response, when complete in the buffer: true once open. */
            boolean response() throws IOException {
                int end = -1;
                for (int i = in.position(); i + 3 < in.limit(); i++) {
                    if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                        end = i + 4;
                        break;
                    }
                }
                if (end < 0) {
                    return false;
                }
                byte[] head = new byte[end - in.position()];
                in.get(head);
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String status = text.substring(0, text.indexOf('\r'));
                if (!status.matches("HTTP/1\\.1 101( .*)?")) {
                    throw new IOException("the upgrade was refused: " + status);
                }
                String accept;
                try {
                    accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                boolean accepted = text.lines().anyMatch(l -> l.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21)
                        && l.substring(21).strip().equals(accept));
                if (!accepted) {
                    throw new IOException("a 101 without the right Sec-WebSocket-Accept");
                }
                open = true;
                opened.incrementAndGet();
                handshakeDone();
                return true;
            }

            void handshakeDone() {
                Runnable r = onHandshake;
                onHandshake = null;
                if (r != null) {
                    r.run();
                }
            }

            /** Every complete frame in the buffer (server frames are not masked; a masked one is unmasked anyway). */
            void frames(long now) throws IOException {
                while (in.remaining() >= 2) {
                    int start = in.position();
                    int b0 = in.get(start) & 0xff, b1 = in.get(start + 1) & 0xff;
                    int header = 2;
                    long len = b1 & 0x7f;
                    if (len == 126) {
                        if (in.remaining() < 4) {
                            return;
                        }
                        len = in.getShort(start + 2) & 0xffff;
                        header = 4;
                    } else if (len == 127) {
                        if (in.remaining() < 10) {
                            return;
                        }
                        len = in.getLong(start + 2);
                        header = 10;
                    }
                    boolean masked = (b1 & 0x80) != 0;
                    if (masked) {
                        header += 4;
                    }
                    if (len > 64 << 20) {
                        throw new IOException("a frame of " + len + " bytes");
                    }
                    if (in.remaining() < header + len) {
                        if (in.capacity() < header + len) { // the frame does not fit: a bigger buffer, for good
                            ByteBuffer bigger = ByteBuffer.allocate((int) (header + len + 1024));
                            bigger.put(in);
                            bigger.flip();
                            in = bigger;
                        }
                        return;
                    }
                    byte[] payload = new byte[(int) len];
                    in.position(start + header);
                    in.get(payload);
                    if (masked) {
                        for (int i = 0; i < payload.length; i++) {
                            payload[i] ^= in.get(start + header - 4 + (i & 3));
                        }
                    }
                    boolean fin = (b0 & 0x80) != 0;
                    switch (b0 & 0x0f) {
                        case 0x1, 0x0 -> message(payload, fin, now);
                        case 0x8 -> { // close
                            if (!closing && !closed) {
                                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                                closedEarly.incrementAndGet();
                                problem("viewer " + index + ": closed by the site, " + code + " "
                                        + new String(payload, Math.min(2, payload.length),
                                                Math.max(0, payload.length - 2), StandardCharsets.UTF_8));
                            }
                            send(0x8, new byte[0]);
                            shut();
                            return;
                        }
                        case 0x9 -> send(0xA, payload); // ping: pong
                        case 0xA -> {
                        }
                        default -> {
                            otherFrames.incrementAndGet();
                            problem("viewer " + index + ": a frame with opcode " + (b0 & 0x0f));
                        }
                    }
                }
            }

            void message(byte[] payload, boolean fin, long now) {
                if (fragments == null && fin) {
                    frame(new String(payload, StandardCharsets.UTF_8), now);
                    return;
                }
                if (fragments == null) {
                    fragments = new java.io.ByteArrayOutputStream();
                }
                fragments.writeBytes(payload);
                if (fin) {
                    String text = fragments.toString(StandardCharsets.UTF_8);
                    fragments = null;
                    frame(text, now);
                }
            }

            /** A masked frame to the site (clients must mask). */
            void send(int opcode, byte[] payload) throws IOException {
                if (closed || payload.length > 125) {
                    return;
                }
                byte[] mask = new byte[4];
                ThreadLocalRandom.current().nextBytes(mask);
                ByteBuffer b = ByteBuffer.allocate(6 + payload.length);
                b.put((byte) (0x80 | opcode)).put((byte) (0x80 | payload.length)).put(mask);
                for (int i = 0; i < payload.length; i++) {
                    b.put((byte) (payload[i] ^ mask[i & 3]));
                }
                write(b.flip());
            }

            void fail(String why) {
                if (!open) {
                    openFailed.incrementAndGet();
                    problem("viewer " + index + " " + why);
                } else if (!closing && !closed) {
                    errors.incrementAndGet();
                    problem("viewer " + index + ": " + why);
                }
                shut();
            }

            void shut() {
                closed = true;
                handshakeDone();
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException e) {
                    // closing anyway
                }
            }

            /** On its event loop: a close frame, then the socket closed. */
            void close() {
                if (!closed && open) {
                    try {
                        send(0x8, new byte[] { 0x03, (byte) 0xE8 }); // 1000, normal closure
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
                shut();
            }

            void frame(String text, long now) {
                Map<String, Object> json;
                try {
                    json = Json.object(text);
                } catch (RuntimeException e) {
                    badFrames.incrementAndGet();
                    problem("viewer " + index + ": a frame that is not a JSON object: " + abbreviate(text));
                    return;
                }
                String type = String.valueOf(json.get("type"));
                switch (type) {
                    case "answer" -> {
                        if (!(json.get("answerId") instanceof Number id)) {
                            badFrames.incrementAndGet();
                            problem("viewer " + index + ": an answer frame without answerId: " + abbreviate(text));
                            break;
                        }
                        if (json.get("position") instanceof String position && position.matches("\\d+-\\d+")) {
                            int dash = position.indexOf('-');
                            long millis = Long.parseLong(position.substring(0, dash));
                            long seq = Long.parseLong(position.substring(dash + 1));
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
                        Delivery d = deliveries.computeIfAbsent(id.longValue(), k -> new Delivery());
                        if (d.count.getAndIncrement(index) == 0) {
                            d.at.set(index, now);
                            d.viewersReached.incrementAndGet();
                        }
                    }
                    case "viewers" -> viewersFrames.incrementAndGet();
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
            String cookie = login();
            if (viewers > 0) {
                openViewers(); // 0 viewers: only the posting, to check the login and the API
            }
            Thread.sleep(1000); // let the presence updates of the last joins go out before the first answer
            long[] postedAt = new long[answers];
            long[] answerIds = new long[answers];
            int[] statuses = new int[answers];
            long[] postNanos = new long[answers];
            List<CompletableFuture<Void>> posts = new ArrayList<>();
            log("%s: posting %d answers at %.1f/s to question %d as %s", label, answers, rate, question, user);
            long start = System.nanoTime() + 100_000_000L;
            long periodNanos = (long) (1e9 / rate);
            double cpuBefore = cpuSeconds();
            for (int i = 0; i < answers; i++) {
                sleepUntil(start + i * periodNanos);
                final int k = i;
                HttpRequest request = HttpRequest
                        .newBuilder(base.resolve("/api/v1/questions/" + question + "/answers"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(answerJson(k))).build();
                long sent = System.nanoTime();
                postedAt[k] = sent;
                posts.add(api.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                    postNanos[k] = System.nanoTime() - sent;
                    if (error != null) {
                        problem("POST " + k + ": " + error);
                        return null;
                    }
                    statuses[k] = response.statusCode();
                    if (response.statusCode() != 201) {
                        problem("POST " + k + ": " + response.statusCode() + " " + abbreviate(response.body()));
                        return null;
                    }
                    long id = ((Number) Json.object(response.body()).get("id")).longValue();
                    answerIds[k] = id;
                    deliveries.computeIfAbsent(id, x -> new Delivery()).postedAt = sent;
                    return null;
                }));
            }
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long lastPostDone = System.nanoTime();
            int created = (int) Arrays.stream(statuses).filter(s -> s == 201).count();
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
            long received = 0, missing = 0, duplicated = 0, answersMissed = 0;
            long[] lat = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(expected, 1))];
            int n = 0;
            long firstSent = Long.MAX_VALUE, lastFrame = 0;
            Map<Integer, Integer> missesByViewer = new HashMap<>();
            for (int k = 0; k < answers; k++) {
                if (statuses[k] != 201) {
                    continue;
                }
                firstSent = Math.min(firstSent, postedAt[k]);
                Delivery d = deliveries.get(answerIds[k]);
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
            long[] postSorted = Arrays.copyOf(postNanos, answers);
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
                            + "closed_early=%d errors=%d open_failed=%d out_of_order=%d client_cpu_s=%.2f%n",
                    viewers, open, greeted.get(), answers, created, expected, received, missing, duplicated,
                    answersMissed, foreign, f.fields(), fps, span, postFigures.p50(), postFigures.max(),
                    viewersFrames.get(), reloadFrames.get(), otherFrames.get(), badFrames.get(), closedEarly.get(),
                    errors.get(), openFailed.get(), outOfOrder.get(), cpuAfter - cpuBefore);
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
            return "{\"body\":" + Json.quote(body) + "}";
        }

        String login() throws Exception {
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> session = r.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("qa-session=")).map(c -> c.split(";", 2)[0]).findFirst();
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || session.isEmpty() || location.contains("/login")) {
                throw new IllegalStateException("login as " + user + " failed: " + r.statusCode() + " " + location);
            }
            log("%s: logged in as %s", label, user);
            return session.get();
        }

        /** Event loops that run the viewers' sockets, each with its selector. */
        final class Loop implements Runnable {
            final Selector selector;
            final java.util.Queue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
            final List<Viewer> mine = new ArrayList<>();
            volatile boolean stop;

            Loop() throws IOException {
                selector = Selector.open();
            }

            void execute(Runnable task) {
                tasks.add(task);
                selector.wakeup();
            }

            @Override
            public void run() {
                try {
                    while (!stop) {
                        selector.select(100);
                        Runnable task;
                        while ((task = tasks.poll()) != null) {
                            task.run();
                        }
                        for (SelectionKey k : selector.selectedKeys()) {
                            ((Viewer) k.attachment()).ready(k);
                        }
                        selector.selectedKeys().clear();
                    }
                    Runnable task;
                    while ((task = tasks.poll()) != null) {
                        task.run();
                    }
                    selector.close();
                } catch (IOException | RuntimeException e) {
                    problem("an event loop failed: " + e);
                    log("%s: an event loop failed: %s", label, e);
                }
            }
        }

        Loop[] loops;
        Thread[] loopThreads;

        void openViewers() throws Exception {
            loops = new Loop[loopCount];
            loopThreads = new Thread[loopCount];
            for (int i = 0; i < loopCount; i++) {
                loops[i] = new Loop();
                loopThreads[i] = Thread.ofPlatform().daemon(true).name("viewers-" + i).start(loops[i]);
            }
            InetSocketAddress address = new InetSocketAddress(base.getHost(),
                    base.getPort() > 0 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80);
            log("%s: opening %d WebSockets on ws://%s%s (%d at a time)", label, viewers, base.getRawAuthority(), path,
                    HANDSHAKES_AT_A_TIME);
            long t0 = System.nanoTime();
            Semaphore inFlight = new Semaphore(HANDSHAKES_AT_A_TIME);
            CountDownLatch done = new CountDownLatch(viewers);
            for (int i = 0; i < viewers; i++) {
                inFlight.acquire();
                Viewer viewer = new Viewer(i);
                all[i] = viewer;
                viewer.onHandshake = () -> {
                    inFlight.release();
                    done.countDown();
                };
                Loop loop = loops[i % loopCount];
                loop.execute(() -> {
                    loop.mine.add(viewer);
                    viewer.start(loop.selector, address);
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

        void closeViewers() throws InterruptedException {
            closing = true;
            if (loops == null) {
                return;
            }
            for (Loop loop : loops) {
                loop.execute(() -> loop.mine.forEach(Viewer::close));
                loop.stop = true;
            }
            for (Thread t : loopThreads) {
                t.join(10_000);
            }
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

        void run() throws Exception {
            long[] sentAt = new long[count];
            long[][] receivedAt = new long[readers][count];
            int[][] times = new int[readers][count];
            try (Resp writer = new Resp(host, port, db)) {
                writer.call("DEL", key);
                // Readers start from the beginning of the emptied stream: none misses an entry added before its first
                // XREAD (that one's latency would only look longer).
                List<Thread> threads = new ArrayList<>();
                AtomicLong readerErrors = new AtomicLong();
                CountDownLatch ready = new CountDownLatch(readers);
                long deadline = System.nanoTime() + (long) ((count / rate + 30) * 1e9);
                for (int r = 0; r < readers; r++) {
                    final int reader = r;
                    Thread t = Thread.ofPlatform().daemon(true).name("reader-" + r).start(() -> {
                        try (Resp in = new Resp(host, port, db)) {
                            ready.countDown();
                            String last = "0-0";
                            int got = 0;
                            while (got < count && System.nanoTime() < deadline) {
                                Object reply = in.call("XREAD", "COUNT", "1000", "BLOCK", "1000", "STREAMS", key, last);
                                long now = System.nanoTime();
                                if (reply == null) {
                                    continue; // timed out, nothing new
                                }
                                List<?> entries = (List<?>) ((List<?>) ((List<?>) reply).get(0)).get(1);
                                for (Object e : entries) {
                                    List<?> entry = (List<?>) e;
                                    last = (String) entry.get(0);
                                    List<?> fields = (List<?>) entry.get(1);
                                    for (int i = 0; i + 1 < fields.size(); i += 2) {
                                        if ("seq".equals(fields.get(i))) {
                                            int seq = Integer.parseInt((String) fields.get(i + 1));
                                            if (times[reader][seq]++ == 0) {
                                                receivedAt[reader][seq] = now;
                                                got++;
                                            }
                                        }
                                    }
                                }
                            }
                        } catch (IOException e) {
                            readerErrors.incrementAndGet();
                            log("raw: reader %d: %s", reader, e);
                        }
                    });
                    threads.add(t);
                }
                ready.await();
                Thread.sleep(500); // every reader blocked in its first XREAD
                log("raw: %d entries at %.0f/s, %d XREAD BLOCK reader(s), Redis %s:%d db %d, key %s", count, rate,
                        readers, host, port, db, key);
                String payload = "{\"answerId\":%d,\"questionId\":1,\"authorId\":2,\"questionAuthorId\":3}";
                long start = System.nanoTime() + 50_000_000L;
                long period = (long) (1e9 / rate);
                for (int i = 0; i < count; i++) {
                    sleepUntil(start + i * period);
                    sentAt[i] = System.nanoTime();
                    writer.call("XADD", key, "MAXLEN", "~", "100000", "*", "id", UUID.randomUUID().toString(), "type",
                            "answer.created", "v", "1", "payload", String.format(payload, i), "seq",
                            Integer.toString(i));
                }
                for (Thread t : threads) {
                    t.join();
                }
                writer.call("DEL", key);
                long[] lat = new long[readers * count];
                int n = 0;
                long missing = 0, duplicated = 0;
                for (int r = 0; r < readers; r++) {
                    for (int i = 0; i < count; i++) {
                        if (times[r][i] == 0) {
                            missing++;
                        } else {
                            duplicated += times[r][i] - 1;
                            lat[n++] = receivedAt[r][i] - sentAt[i];
                        }
                    }
                }
                Figures f = Figures.of(lat, n);
                log("raw: %s, missing %d, duplicated %d", f.fields(), missing, duplicated);
                System.out.printf("RESULT readers=%d entries=%d rate=%s %s missing=%d duplicated=%d errors=%d%n",
                        readers, count, fmt(rate), f.fields(), missing, duplicated, readerErrors.get());
            }
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A minimal RESP2 client: one command at a time, replies as String, Long, List or null. */
    static final class Resp implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Resp(String host, int port, int db) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            call("SELECT", Integer.toString(db));
        }

        Object call(String... args) throws IOException {
            StringBuilder s = new StringBuilder();
            s.append('*').append(args.length).append("\r\n");
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                s.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read();
        }

        Object read() throws IOException {
            int type = in.read();
            String line = line();
            return switch (type) {
                case '+' -> line;
                case '-' -> throw new IOException("Redis: " + line);
                case ':' -> Long.parseLong(line);
                case '$' -> {
                    int len = Integer.parseInt(line);
                    if (len < 0) {
                        yield null;
                    }
                    byte[] b = in.readNBytes(len + 2);
                    if (b.length < len + 2) {
                        throw new EOFException();
                    }
                    yield new String(b, 0, len, StandardCharsets.UTF_8);
                }
                case '*' -> {
                    int len = Integer.parseInt(line);
                    if (len < 0) {
                        yield null;
                    }
                    List<Object> items = new ArrayList<>(len);
                    for (int i = 0; i < len; i++) {
                        items.add(read());
                    }
                    yield items;
                }
                case -1 -> throw new EOFException("Redis closed the connection");
                default -> throw new IOException("unexpected RESP type " + (char) type);
            };
        }

        String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c == -1) {
                    throw new EOFException();
                }
                s.append((char) c);
            }
            in.read(); // \n
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Just enough JSON: objects, arrays, strings, numbers, booleans and null. */
    static final class Json {
        final String s;
        int i;

        Json(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.space();
            if (!(v instanceof Map) || p.i != text.length()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return (Map<String, Object>) v;
        }

        static String quote(String text) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        char peek() {
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        Object value() {
            char c = peek();
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (peek() == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        String k = string();
                        expect(':');
                        m.put(k, value());
                        if (peek() == ',') {
                            i++;
                            continue;
                        }
                        expect('}');
                        return m;
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    if (peek() == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        if (peek() == ',') {
                            i++;
                            continue;
                        }
                        expect(']');
                        return l;
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(start, i);
                    if (num.isEmpty()) {
                        throw new IllegalArgumentException("unexpected " + c + " at " + i);
                    }
                    return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
                }
            }
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }
    }
}
