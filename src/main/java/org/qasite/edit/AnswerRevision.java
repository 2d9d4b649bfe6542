package org.qasite.edit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.qasite.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One revision of an answer: its body as it was, who wrote it, when and why. */
@Entity
@Table(name = "answer_revision")
public class AnswerRevision extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "answer_revision_seq", sequenceName = "answer_revision_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "answer_revision_seq")
    public Long id;

    @Column(name = "answer_id")
    public long answerId;

    public int revision;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    public String body;

    public String summary;

    /** The revision whose text this one restored, or null. */
    @Column(name = "rollback_of")
    public Integer rollbackOf;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** One revision of the answer, or null. */
    public static AnswerRevision findRevision(long answerId, int revision) {
        return find("answerId = ?1 and revision = ?2", answerId, revision).firstResult();
    }

    /** Newest first. */
    public static List<AnswerRevision> listForAnswer(long answerId) {
        return find("select r from AnswerRevision r join fetch r.author where r.answerId = ?1 order by r.revision desc",
                answerId).list();
    }
}
