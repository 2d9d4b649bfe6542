package org.qasite.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded picture, stored once per content hash and shared by every member who uploaded it. */
@Entity
@Table(name = "avatar")
public class Avatar extends PanacheEntityBase {

    @Id
    public String hash;

    @Column(name = "content_type")
    public String contentType;

    public int size;

    public byte[] data;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
