package org.qasite.tag;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member follows a tag: each new question with it is a notification for them. */
@Entity
@Table(name = "tag_follow")
@IdClass(TagFollow.Key.class)
public class TagFollow extends PanacheEntityBase {

    /** The primary key: member and tag. */
    public static class Key implements Serializable {
        public Long memberId;
        public Long tagId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(memberId, other.memberId) && Objects.equals(tagId, other.tagId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, tagId);
        }
    }

    @Id
    @Column(name = "member_id")
    public Long memberId;

    @Id
    @Column(name = "tag_id")
    public Long tagId;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public static boolean isFollowing(long memberId, long tagId) {
        return count("memberId = ?1 and tagId = ?2", memberId, tagId) > 0;
    }

    /** Follows or unfollows; doing it twice changes nothing. */
    public static void choose(long memberId, long tagId, boolean following) {
        if (following) {
            getEntityManager().createNativeQuery("""
                    INSERT INTO tag_follow (member_id, tag_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING
                    """).setParameter(1, memberId).setParameter(2, tagId).executeUpdate();
        } else {
            delete("memberId = ?1 and tagId = ?2", memberId, tagId);
        }
    }

    /** Those of these tags that the member follows. */
    public static Set<Long> followedAmong(long memberId, Collection<Long> tagIds) {
        if (tagIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager()
                .createQuery("select f.tagId from TagFollow f where f.memberId = :member and f.tagId in :tags", Long.class)
                .setParameter("member", memberId).setParameter("tags", tagIds).getResultList());
    }

    public static long countFollowers(long tagId) {
        return count("tagId", tagId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagFollow other && Objects.equals(memberId, other.memberId)
                && Objects.equals(tagId, other.tagId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memberId, tagId);
    }
}
