package org.qasite.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.member.Member;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The right-column definitions, straight from the database. Popular tags: the 10 tags with the most questions asked
 * in the last 3 months. Best members: the 10 members whose questions and answers of the last 7 days have the highest
 * total rating (ties: the most recent post first).
 */
@ApplicationScoped
public class StatsQueries {

    @RegisterForReflection
    public record PopularTag(String name, long questions) {
    }

    @RegisterForReflection
    public record BestMember(String username, String displayName, String avatarUrl, long score) {
    }

    private final EntityManager em;

    StatsQueries(EntityManager em) {
        this.em = em;
    }

    public List<PopularTag> popularTags() {
        // Counted per tag id first and only then joined to the tag names (unique, so the same groups): the join and
        // the aggregate handle narrow rows, and only the few thousand counted tags meet the tag table.
        // The SQL texts are copied into bench/stats-explain.sh; keep them the same.
        List<?> rows = em.createNativeQuery("""
                SELECT t.name, c.questions
                FROM (SELECT qt.tag_id, count(*) AS questions
                      FROM question q
                      JOIN question_tag qt ON qt.question_id = q.id
                      WHERE q.created_at > now() - interval '3 months'
                      GROUP BY qt.tag_id) c
                JOIN tag t ON t.id = c.tag_id
                ORDER BY c.questions DESC, t.name
                LIMIT 10
                """).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(c -> new PopularTag((String) c[0], ((Number) c[1]).longValue())).toList();
    }

    public List<BestMember> bestMembers() {
        // An index-only scan of question_created_idx and answer_created_idx (V4); copied into bench/stats-explain.sh.
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
