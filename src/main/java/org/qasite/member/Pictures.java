package org.qasite.member;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a picture file is, read from its content and never from its name or the type a browser claims: the format from
 * its first bytes, its size in pixels from its header (without decoding it). Avatars and the pictures in posts use it.
 */
public final class Pictures {

    private Pictures() {
    }

    /**
     * Width and height read from the picture's header, without decoding it; null when the header is not where the
     * format puts it.
     */
    public static int[] dimensions(byte[] d, String type) {
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

    /** The type read from the first bytes (PNG, JPEG, GIF, WebP); null for anything else, whatever its name. */
    public static String type(byte[] d) {
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

    /** The content's SHA-256 in hex: the key a picture is stored under, once. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
