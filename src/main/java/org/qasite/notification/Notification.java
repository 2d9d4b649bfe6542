package org.qasite.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One thing a member is told of, made from one event ({@code event_id}, unique per member). Its kind is a
 * {@link org.qasite.member.NotificationKind} wire name; the rows are written by {@link FanOut} in SQL.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "member_id")
    public long memberId;

    @Column(name = "event_id")
    public UUID eventId;

    public String kind;

    @Column(name = "question_id")
    public long questionId;

    @Column(name = "answer_id")
    public Long answerId;

    @Column(name = "comment_id")
    public Long commentId;

    @Column(name = "actor_id")
    public long actorId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    public static long countForEvent(UUID eventId) {
        return count("eventId", eventId);
    }
}
