import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * The CPU time of compressing one file (a page as the site serves it) once, at brotli 0-5 and gzip 1-6, with the
 * brotli4j the site runs (the class path) and the JDK's zlib: one thread, the best of 5 rounds of 300 after 300 of
 * warm-up, measured as the thread's CPU time, so that other work on the machine moves it little. Prints one Markdown
 * table row per level: level, brotli bytes, brotli ms, gzip bytes, gzip ms.
 * Usage: java -cp <brotli4j jars> bench/compression/Levels.java page.html
 */
public class Levels {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Compression {
        int bytes() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Brotli4jLoader.ensureAvailability();
        byte[] page = Files.readAllBytes(Path.of(args[0]));
        for (int level = 1; level <= 5; level++) {
            Encoder.Parameters brotli = new Encoder.Parameters().setQuality(level).setWindow(22).setMode(Encoder.Mode.TEXT);
            long[] b = time(() -> Encoder.compress(page, brotli).length);
            int gzipLevel = level;
            long[] g = time(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                    {
                        def.setLevel(gzipLevel);
                    }
                }) {
                    gzip.write(page);
                }
                return out.size();
            });
            System.out.printf("| %d | %,d | %.3f | %,d | %.3f |%n", level, b[0], b[1] / 1e6, g[0], g[1] / 1e6);
        }
    }

    /** {bytes, nanoseconds of CPU a run}. */
    private static long[] time(Compression compression) throws Exception {
        for (int i = 0; i < 300; i++) {
            compression.bytes();
        }
        long best = Long.MAX_VALUE;
        int bytes = 0;
        for (int round = 0; round < 5; round++) {
            long started = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 300; i++) {
                bytes = compression.bytes();
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - started) / 300);
        }
        return new long[] { bytes, best };
    }
}
