package org.qasite.member;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Width and height from the picture's header; null when unreadable ({@link Pictures#dimensions}). */
    static int[] dimensions(byte[] d, String type) {
        return Pictures.dimensions(d, type);
    }

    static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : (bytes + 1023) / 1024 + " KB";
    }

    static String detectType(byte[] d) {
        return Pictures.type(d);
    }

    static String sha256(byte[] data) {
        return Pictures.sha256(data);
    }
}
