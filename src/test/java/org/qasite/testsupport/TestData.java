package org.qasite.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.markdown.MarkdownRenderer;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.tag.TagRepository;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Members, questions and answers made directly in the database, for tests that are about something else. */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private static volatile String passwordHash;

    private final EntityManager em;
    private final MarkdownRenderer markdown;
    private final TagRepository tags;

    TestData(EntityManager em, MarkdownRenderer markdown, TagRepository tags) {
        this.em = em;
        this.markdown = markdown;
        this.tags = tags;
    }

    /** A username no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    @Transactional
    public Member member(String prefix) {
        if (passwordHash == null) {
            passwordHash = BcryptUtil.bcryptHash(PASSWORD, 12);
        }
        Member member = new Member();
        member.username = uniqueName(prefix);
        member.email = member.username + "@example.com";
        member.displayName = "Display " + member.username;
        member.passwordHash = passwordHash;
        member.emailVerifiedAt = Instant.now(); // as a member from before verification, or one who confirmed
        member.persist();
        return member;
    }

    /** A member with the administrator role, as the make-admin command gives it. */
    @Transactional
    public Member admin(String prefix) {
        Member admin = member(prefix);
        makeAdmin(admin);
        return admin;
    }

    @Transactional
    public void makeAdmin(Member member) {
        em.createNativeQuery("UPDATE member SET role = ?1 WHERE id = ?2").setParameter(1, Member.ROLE_ADMIN)
                .setParameter(2, member.id).executeUpdate();
        member.role = Member.ROLE_ADMIN;
    }

    @Transactional
    public Question question(Member author, String title, String... tagNames) {
        Question question = new Question();
        question.author = em.getReference(Member.class, author.id);
        question.title = title;
        question.body = "Body of " + title + ", long enough to be a question.";
        question.bodyHtml = markdown.toSafeHtml(question.body);
        question.tags = tags.findOrCreate(tagNames.length == 0 ? List.of("testing") : List.of(tagNames));
        question.persist();
        return question;
    }

    @Transactional
    public Answer answer(Member author, Question question, String body) {
        Answer answer = new Answer();
        answer.question = em.getReference(Question.class, question.id);
        answer.author = em.getReference(Member.class, author.id);
        answer.body = body;
        answer.bodyHtml = markdown.toSafeHtml(body);
        answer.persist();
        Question.update("answerCount = answerCount + 1 where id = ?1", question.id);
        return answer;
    }

    @Transactional
    public String text(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return (String) query.getSingleResult();
    }

    /** A change made directly, such as a row as it was before a rule existed. */
    @Transactional
    public void execute(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        query.executeUpdate();
    }

    @Transactional
    public long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The numbers of the query's first column, in its order. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> longs(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
    }
}
