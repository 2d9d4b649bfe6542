package org.qasite.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.qasite.limit.RateLimiter;
import org.qasite.member.Pictures;
import org.qasite.refusal.QaException;

/**
 * Checks a picture for a post by its content (the format from its first bytes, its size in pixels from its header;
 * never the file's name or the type the browser claims) and stores each distinct picture once.
 */
@ApplicationScoped
public class ImageUploadService {

    private final UploadConfig config;
    private final RateLimiter rateLimiter;
    private final EntityManager em;
    private final DailyBudget budget;

    ImageUploadService(UploadConfig config, RateLimiter rateLimiter, EntityManager em, DailyBudget budget) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.em = em;
        this.budget = budget;
    }

    /** Reads and checks an upload, or refuses it with the status and words that say what is wrong. */
    public ImageFile check(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw QaException.badRequest("Send the picture as the multipart field \"file\".");
        }
        long max = config.maxSize().asLongValue();
        if (upload.size() > max) {
            throw new QaException(413, "The picture is too large: at most " + readable(max) + ", this file is "
                    + readable(upload.size()) + ".", List.of(), null);
        }
        if (upload.size() == 0) {
            throw notAPicture();
        }
        byte[] data;
        try {
            data = Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw QaException.badRequest("The picture could not be read. Please try again.");
        }
        String type = Pictures.type(data);
        if (type == null) {
            throw notAPicture();
        }
        int[] size = Pictures.dimensions(data, type);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw new QaException(415, "The picture could not be read: is the file complete?", List.of(), null);
        }
        long pixels = (long) size[0] * size[1];
        if (pixels > config.maxPixels()) {
            throw new QaException(422, "The picture has too many pixels: at most " + config.maxPixels() + ", this one is "
                    + size[0] + "\u00D7" + size[1] + ".", List.of(), null);
        }
        return new ImageFile(Pictures.sha256(data), type, size[0], size[1], data);
    }

    /**
     * Stores the picture unless the same content is already stored; counts towards the member's upload limit, and a new
     * picture towards the member's daily bytes.
     */
    @Transactional
    public ImageFile store(ImageFile image, long memberId) {
        rateLimiter.acquire(RateLimiter.Action.UPLOAD, memberId);
        if (UploadedImage.findById(image.hash()) == null) {
            budget.spend(memberId, image.data().length);
        }
        em.createNativeQuery("INSERT INTO uploaded_image (hash, content_type, size, width, height, data, uploaded_by) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (hash) DO NOTHING")
                .setParameter(1, image.hash()).setParameter(2, image.contentType())
                .setParameter(3, image.data().length).setParameter(4, image.width()).setParameter(5, image.height())
                .setParameter(6, image.data()).setParameter(7, memberId).executeUpdate();
        return image;
    }

    private static QaException notAPicture() {
        return new QaException(415, "The file is not a picture: a PNG, JPEG, GIF or WebP image is accepted.", List.of(),
                null);
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024) {
            return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return (bytes + 1023) / 1024 + " KB";
    }
}
