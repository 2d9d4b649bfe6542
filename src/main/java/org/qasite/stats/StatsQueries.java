package org.qasite.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.member.Member;

/**
 * The right-column definitions, straight from the database. Popular tags: the 10 tags with the most questions asked
 * in the last 3 months. Best members: the 10 members whose questions and answers of the last 7 days have the highest
 * total rating (ties: the most recent post first).
 */
@ApplicationScoped
public class StatsQueries {

    public record PopularTag(String name, long questions) {
    }

    public record BestMember(String username, String displayName, String avatarUrl, long score) {
    }

    private final EntityManager em;

    StatsQueries(EntityManager em) {
        this.em = em;
    }

    public List<PopularTag> popularTags() {
        List<?> rows = em.createNativeQuery("""
                SELECT t.name, count(*) AS questions
                FROM question q
                JOIN question_tag qt ON qt.question_id = q.id
                JOIN tag t ON t.id = qt.tag_id
                WHERE q.created_at > now() - interval '3 months'
                GROUP BY t.name
                ORDER BY questions DESC, t.name
                LIMIT 10
                """).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(c -> new PopularTag((String) c[0], ((Number) c[1]).longValue())).toList();
    }

    public List<BestMember> bestMembers() {
        List<?> rows = em.createNativeQuery("""
                SELECT m.username::text, m.display_name, m.avatar_hash, p.score
                FROM (SELECT author_id, sum(rating) AS score, max(created_at) AS latest
                      FROM (SELECT author_id, rating, created_at FROM question WHERE created_at > now() - interval '7 days'
                            UNION ALL
                            SELECT author_id, rating, created_at FROM answer WHERE created_at > now() - interval '7 days') posts
                      GROUP BY author_id
                      ORDER BY score DESC, latest DESC
                      LIMIT 10) p
                JOIN member m ON m.id = p.author_id
                ORDER BY p.score DESC, p.latest DESC
                """).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(c -> {
            String username = (String) c[0];
            return new BestMember(username, (String) c[1], Member.avatarUrl(username, (String) c[2]),
                    ((Number) c[3]).longValue());
        }).toList();
    }

}
