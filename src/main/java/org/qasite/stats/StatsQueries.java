package org.qasite.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** Where the statements are, on the classpath; the benchmarks (bench/) read the same files. */
    public static final String POPULAR_TAGS_SQL = "sql/stats/popular-tags.sql";
    public static final String BEST_MEMBERS_SQL = "sql/stats/best-members.sql";

    private static final String POPULAR_TAGS = sql(POPULAR_TAGS_SQL);
    private static final String BEST_MEMBERS = sql(BEST_MEMBERS_SQL);

    private final EntityManager em;

    StatsQueries(EntityManager em) {
        this.em = em;
    }

    public List<PopularTag> popularTags() {
        List<?> rows = em.createNativeQuery(POPULAR_TAGS).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(c -> new PopularTag((String) c[0], ((Number) c[1]).longValue())).toList();
    }

    public List<BestMember> bestMembers() {
        List<?> rows = em.createNativeQuery(BEST_MEMBERS).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(c -> {
            String username = (String) c[0];
            return new BestMember(username, (String) c[1], Member.avatarUrl(username, (String) c[2]),
                    ((Number) c[3]).longValue());
        }).toList();
    }

    private static String sql(String resource) {
        // Through the classloader, which native images answer too (quarkus.native.resources.includes).
        try (InputStream in = StatsQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
