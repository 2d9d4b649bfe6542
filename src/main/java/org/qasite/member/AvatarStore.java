package org.qasite.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.qasite.refusal.InvalidInput;
import org.qasite.text.i18n.Refusals;

/**
 * Checks uploaded pictures (size, and the type read from the content itself, not from what the browser claims) and
 * stores each distinct picture once, keyed by its SHA-256.
 */
@ApplicationScoped
public class AvatarStore {

    private final EntityManager em;
    private final MemberConfig config;

    AvatarStore(EntityManager em, MemberConfig config) {
        this.em = em;
        this.config = config;
    }

    /** A checked picture ready to store. */
    public record Picture(String hash, String contentType, byte[] data) {
    }

    /** Reads and checks an upload; null when no file was chosen. */
    public Picture read(FileUpload upload) {
        if (upload == null || upload.fileName() == null || upload.fileName().isBlank() || upload.size() == 0) {
            return null;
        }
        long max = config.avatarMaxSize().asLongValue();
        if (upload.size() > max) {
            throw InvalidInput.of("avatar", Refusals.now().picture_too_large(readable(max)));
        }
        byte[] data;
        try {
            data = Files.readAllBytes(Path.of(upload.uploadedFile().toString()));
        } catch (java.io.IOException e) {
            throw InvalidInput.of("avatar", Refusals.now().picture_unreadable());
        }
        String type = detectType(data);
        if (type == null) {
            throw InvalidInput.of("avatar", Refusals.now().picture_type());
        }
        int[] size = dimensions(data, type);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw InvalidInput.of("avatar", Refusals.now().picture_incomplete());
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            // a small file can hold a huge picture that every visitor's browser would have to decode
            throw InvalidInput.of("avatar", Refusals.now().picture_too_many_pixels(MAX_SIDE, size[0],
                    size[1]));
        }
        return new Picture(sha256(data), type, data);
    }

    /** Stores the picture unless the same content is already stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String store(Picture picture) {
        em.createNativeQuery("INSERT INTO avatar (hash, content_type, size, data) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (hash) DO NOTHING")
                .setParameter(1, picture.hash()).setParameter(2, picture.contentType())
                .setParameter(3, picture.data().length).setParameter(4, picture.data()).executeUpdate();
        return picture.hash();
    }

    /** Deletes the stored picture once no member shows it any more (a picture is shared by all who uploaded it). */
    @Transactional(Transactional.TxType.MANDATORY)
    void deleteUnused(String hash) {
        em.createNativeQuery("DELETE FROM avatar WHERE hash = ?1 AND NOT EXISTS (SELECT 1 FROM member WHERE avatar_hash = ?1)")
                .setParameter(1, hash).executeUpdate();
    }

    /** The largest width and height accepted, in pixels. */
    static final int MAX_SIDE = 2048;

    /**
     * Width and height read from the picture's header, without decoding it; null when the header is not where the
     * format puts it.
     */
    static int[] dimensions(byte[] d, String type) {
        try {
            return switch (type) {
                case "image/png" -> new int[] { int32(d, 16), int32(d, 20) }; // IHDR
                case "image/gif" -> new int[] { u16le(d, 6), u16le(d, 8) }; // logical screen
                case "image/webp" -> webpDimensions(d);
                case "image/jpeg" -> jpegDimensions(d);
                default -> null;
            };
        } catch (IndexOutOfBoundsException e) {
            return null; // a header cut short
        }
    }

    private static int[] webpDimensions(byte[] d) {
        String chunk = new String(d, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new int[] { u16le(d, 26) & 0x3FFF, u16le(d, 28) & 0x3FFF };
            case "VP8L" -> {
                int bits = (d[21] & 0xFF) | (d[22] & 0xFF) << 8 | (d[23] & 0xFF) << 16 | (d[24] & 0xFF) << 24;
                yield new int[] { (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1 };
            }
            case "VP8X" -> new int[] { u24le(d, 24) + 1, u24le(d, 27) + 1 };
            default -> null;
        };
    }

    private static int[] jpegDimensions(byte[] d) {
        int i = 2;
        while (i + 9 < d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                return null;
            }
            if ((d[i + 1] & 0xFF) == 0xFF) {
                i++; // fill byte before a marker
                continue;
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            int length = (d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int height = (d[i + 5] & 0xFF) << 8 | (d[i + 6] & 0xFF);
                int width = (d[i + 7] & 0xFF) << 8 | (d[i + 8] & 0xFF);
                return new int[] { width, height };
            }
            i += 2 + length;
        }
        return null;
    }

    private static int int32(byte[] d, int at) {
        return (d[at] & 0xFF) << 24 | (d[at + 1] & 0xFF) << 16 | (d[at + 2] & 0xFF) << 8 | (d[at + 3] & 0xFF);
    }

    private static int u16le(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16;
    }

    static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : (bytes + 1023) / 1024 + " KB";
    }

    static String detectType(byte[] d) {
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
            return "image/gif";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
                && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
