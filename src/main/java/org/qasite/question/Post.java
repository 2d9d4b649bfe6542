package org.qasite.question;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.qasite.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a question and an answer have alike: an author, the text and its HTML, when it was written, its rating. */
@MappedSuperclass
public abstract class Post extends PanacheEntityBase {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    /** The Markdown as written. */
    public String body;

    /** The body rendered and sanitized once, when it was written. */
    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** The sum of its votes, changed in the vote's transaction. */
    public int rating;
}
