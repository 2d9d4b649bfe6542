package org.qasite.upload;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A picture uploaded for a post, stored once per content hash whoever uploads it again. */
@Entity
@Table(name = "uploaded_image")
public class UploadedImage extends PanacheEntityBase {

    @Id
    public String hash;

    @Column(name = "content_type")
    public String contentType;

    public int size;

    public int width;

    public int height;

    public byte[] data;

    /** The member who uploaded it first; null once that member is gone. */
    @Column(name = "uploaded_by")
    public Long uploadedBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
