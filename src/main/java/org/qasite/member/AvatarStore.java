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
import org.qasite.web.InvalidInput;

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
            throw InvalidInput.of("avatar", "The picture is too large: at most " + readable(max) + ".");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(Path.of(upload.uploadedFile().toString()));
        } catch (java.io.IOException e) {
            throw InvalidInput.of("avatar", "The picture could not be read. Please try again.");
        }
        String type = detectType(data);
        if (type == null) {
            throw InvalidInput.of("avatar", "The picture must be a PNG, JPEG, GIF or WebP image.");
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
