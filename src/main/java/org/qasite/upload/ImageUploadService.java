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
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

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
            throw QaException.badRequest(Refusals.now().upload_no_file());
        }
        long max = config.maxSize().asLongValue();
        if (upload.size() > max) {
            RefusalMsg words = Refusals.now();
            throw new QaException(413, words.upload_too_large(readable(max, words), readable(upload.size(), words)),
                    List.of(), null);
        }
        if (upload.size() == 0) {
            throw notAPicture();
        }
        byte[] data;
        try {
            data = Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw QaException.badRequest(Refusals.now().picture_unreadable());
        }
        String type = Pictures.type(data);
        if (type == null) {
            throw notAPicture();
        }
        int[] size = Pictures.dimensions(data, type);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw new QaException(415, Refusals.now().picture_incomplete(), List.of(), null);
        }
        long pixels = (long) size[0] * size[1];
        if (pixels > config.maxPixels()) {
            throw new QaException(422, Refusals.now().upload_too_many_pixels(config.maxPixels(), size[0], size[1]),
                    List.of(), null);
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
        return new QaException(415, Refusals.now().upload_not_picture(), List.of(), null);
    }

    static String readable(long bytes, RefusalMsg words) {
        if (bytes >= 1024 * 1024) {
            return words.size_megabytes(bytes % (1024 * 1024) == 0 ? Long.toString(bytes / (1024 * 1024))
                    : String.format(Refusals.locale(), "%.1f", bytes / (1024.0 * 1024)));
        }
        return words.size_kilobytes(Long.toString((bytes + 1023) / 1024));
    }
}
