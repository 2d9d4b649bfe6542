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

/** One revision of a question: its title, body and tags as they were, who wrote them, when and why. */
@Entity
@Table(name = "question_revision")
public class QuestionRevision extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "question_revision_seq", sequenceName = "question_revision_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_revision_seq")
    public Long id;

    @Column(name = "question_id")
    public long questionId;

    public int revision;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    public String title;

    public String body;

    /** The tag names, space separated. */
    public String tags;

    public String summary;

    /** The revision whose text this one restored, or null. */
    @Column(name = "rollback_of")
    public Integer rollbackOf;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** One revision of the question, or null. */
    public static QuestionRevision findRevision(long questionId, int revision) {
        return find("questionId = ?1 and revision = ?2", questionId, revision).firstResult();
    }

    /** The tag names as a list. */
    public List<String> tagList() {
        return tags.isBlank() ? List.of() : List.of(tags.split(" "));
    }

    /** Newest first. */
    public static List<QuestionRevision> listForQuestion(long questionId) {
        return find("select r from QuestionRevision r join fetch r.author where r.questionId = ?1 order by r.revision desc",
                questionId).list();
    }
}
