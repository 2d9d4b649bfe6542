package org.qasite.question;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.qasite.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a question and an answer have alike: an author, the text and its HTML, when it was written, its rating, its
 * revision and last edit, and whether it was deleted.
 */
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

    /**
     * Which renderer wrote {@link #bodyHtml}: posts stored by an older one are rendered again in the background
     * ({@link OutdatedHtml}), and a cached answer fragment is keyed on it.
     */
    @Column(name = "html_version")
    public short htmlVersion = OutdatedHtml.CURRENT;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** The sum of its votes, changed in the vote's transaction. */
    public int rating;

    /** The current revision, 1 until the first edit: an edit based on an older one is a conflict. */
    public int revision = 1;

    /** When it was last edited, and by whom; null while it never was. */
    @Column(name = "edited_at")
    public Instant editedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "edited_by")
    public Member editedBy;

    /** When it was deleted (soft: the row stays, and its author may undelete it), and by whom; null while it is not. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public Long deletedBy;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isEdited() {
        return editedAt != null;
    }
}
