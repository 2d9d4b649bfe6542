package org.qasite.question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.qasite.markdown.PlainText;
import org.qasite.member.Member;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.tag.Tag;
import org.qasite.text.i18n.Refusals;

import io.quarkus.panache.common.Page;

@Entity
@Table(name = "question")
public class Question extends Post {

    public static final int MIN_TITLE = 10;
    public static final int MAX_TITLE = 150;
    public static final int MIN_BODY = 20;
    public static final int MAX_BODY = 30_000;

    @Id
    // Given by the column's default (its sequence) in the INSERT itself, which returns it: no round trip of its own
    // before the insert, as a sequence read by Hibernate would take.
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Column(name = "answer_count")
    public int answerCount;

    @Column(name = "accepted_answer_id")
    public Long acceptedAnswerId;

    /** Views as of the last flush of the view counters (org.qasite.views.ViewCounter). */
    @Column(name = "view_count")
    public long viewCount;

    /**
     * Recent activity, decayed: what /hot ranks by (see {@link HotScores}). Written only by its recompute; a question
     * just asked starts at 1, its own asking (the column's default).
     */
    @Column(name = "hot_score", insertable = false, updatable = false)
    public double hotScore;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "question_tag", joinColumns = @JoinColumn(name = "question_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    public List<Tag> tags = new ArrayList<>();

    /** How much of the body an excerpt reads: enough text for two lines, without parsing a long body whole. */
    private static final int EXCERPT_SOURCE = 2_000;
    static final int EXCERPT_LENGTH = 220;

    /** The start of the body as plain text, for the lists (two lines at most). */
    public String excerpt() {
        String source = body.length() > EXCERPT_SOURCE ? body.substring(0, EXCERPT_SOURCE) : body;
        return PlainText.excerpt(source, EXCERPT_LENGTH);
    }

    /** The readable part of the question's address, from its title. */
    public String slug() {
        return Slug.of(title);
    }

    /**
     * The canonical address of the question page, {@code /questions/{id}/{slug}}: every link to the page is made here (or
     * by {@link Slug#path(long, String)} where only the id and the title are at hand).
     */
    public String path() {
        return Slug.path(id, title);
    }

    /** The question with the id as typed in an address, or a 404 that says there is none. */
    public static Question require(String rawId) {
        long id = Ids.parse(rawId, "question");
        Question question = findById(id);
        if (question == null) {
            throw missing(id);
        }
        return question;
    }

    /**
     * As {@link #require(String)}, with the author and the tags the question page shows read in the same query: one
     * round trip to the database instead of three.
     */
    public static Question requireForPage(String rawId) {
        long id = Ids.parse(rawId, "question");
        // One row per tag, one question: Hibernate returns each root entity once.
        return Question
                .<Question> find("select q from Question q join fetch q.author left join fetch q.tags where q.id = ?1", id)
                .singleResultOptional()
                .orElseThrow(() -> missing(id));
    }

    private static QaException missing(long id) {
        return QaException.notFound(Refusals.now().follow_no_question(id));
    }

    /** A question as a sitemap lists it: its canonical address and its last activity. */
    public record Activity(long id, String title, Instant lastActivity) {
        public String path() {
            return Slug.path(id, title);
        }
    }

    /**
     * The questions that are not deleted, oldest first, from {@code offset}: each with the time it last changed (asked,
     * edited, or answered or an answer edited). The first id is found by skipping {@code offset} entries of the index
     * question_listed_idx alone, the page then starts at that id: the skipped questions' rows and last activities are
     * not read, as they were with OFFSET on the query itself.
     */
    public static List<Activity> listForSitemap(long offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT q.id, q.title, greatest(q.created_at, q.edited_at,"
                + " (SELECT max(greatest(a.created_at, a.edited_at)) FROM answer a"
                + " WHERE a.question_id = q.id AND a.deleted_at IS NULL))"
                + " FROM question q WHERE q.deleted_at IS NULL AND q.id >= (SELECT id FROM question"
                + " WHERE deleted_at IS NULL ORDER BY id OFFSET ?2 LIMIT 1) ORDER BY q.id LIMIT ?1")
                .setParameter(1, limit).setParameter(2, offset).getResultList();
        return rows.stream().map(r -> new Activity(((Number) r[0]).longValue(), (String) r[1], toInstant(r[2]))).toList();
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a time: " + value);
        };
    }

    /** The same question posted by the same member since the given time (a resubmitted form). */
    public static Question findRepeat(long authorId, String title, String body, Instant since) {
        return find("author.id = ?1 and title = ?2 and body = ?3 and createdAt > ?4", authorId, title, body, since)
                .firstResult();
    }

    /** How many questions the lists show: every one that was not deleted. */
    public static long countListed() {
        return count("deletedAt is null");
    }

    public static List<Question> listNewest(Page page) {
        return find("select q from Question q join fetch q.author where q.deletedAt is null"
                + " order by q.createdAt desc, q.id desc")
                .page(page).list();
    }

    /** By recent activity (see {@link HotScores}). */
    public static List<Question> listHot(Page page) {
        return find("select q from Question q join fetch q.author where q.deletedAt is null"
                + " order by q.hotScore desc, q.createdAt desc, q.id desc")
                .page(page).list();
    }

    /** Those without an answer (deleted answers do not count), newest first. */
    public static List<Question> listUnanswered(Page page) {
        return find("select q from Question q join fetch q.author where q.deletedAt is null and q.answerCount = 0"
                + " order by q.createdAt desc, q.id desc")
                .page(page).list();
    }

    public static long countUnanswered() {
        return count("deletedAt is null and answerCount = 0");
    }

    /** The orders of a list: newest first, by recent activity, or only those without an answer. */
    public enum ListSort {
        NEWEST(" order by q.id desc"),
        HOT(" order by q.hotScore desc, q.createdAt desc, q.id desc"),
        UNANSWERED(" and q.answerCount = 0 order by q.id desc");

        final String tail;

        ListSort(String tail) {
            this.tail = tail;
        }
    }

    public static List<Question> listByTag(Tag tag, Page page) {
        return listByTag(tag, ListSort.NEWEST, page);
    }

    public static List<Question> listByTag(Tag tag, ListSort sort, Page page) {
        return find("select q from Question q join fetch q.author where ?1 member of q.tags and q.deletedAt is null"
                + sort.tail, tag)
                .page(page).list();
    }

    public static long countByTag(Tag tag) {
        return count("?1 member of tags and deletedAt is null", tag);
    }

    public static long countByTag(Tag tag, ListSort sort) {
        return sort == ListSort.UNANSWERED ? count("?1 member of tags and deletedAt is null and answerCount = 0", tag)
                : countByTag(tag);
    }

    public static List<Question> listByAuthor(Member author, Page page) {
        return find("author = ?1 and deletedAt is null order by createdAt desc, id desc", author).page(page).list();
    }

    public static long countByAuthor(Member author) {
        return count("author = ?1 and deletedAt is null", author);
    }
}
