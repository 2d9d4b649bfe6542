package org.qasite.question;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.markdown.MarkdownRenderer;
import org.qasite.refusal.QaException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Renders again, in the background, the questions and answers whose stored HTML an older renderer wrote (column
 * {@code html_version}), so that posts written before code highlighting get it too without anyone editing them. A
 * batch at a time, each in its own transaction; rows another instance is on are skipped, so instances share the work.
 * A post the renderer now refuses (over its budget) keeps the HTML it has.
 */
@ApplicationScoped
public class OutdatedHtml {

    /** The version the current renderer writes: the column's default (migration V23). */
    public static final short CURRENT = 1;

    private final EntityManager em;
    private final MarkdownRenderer markdown;
    private final RerenderConfig config;

    OutdatedHtml(EntityManager em, MarkdownRenderer markdown, RerenderConfig config) {
        this.em = em;
        this.markdown = markdown;
        this.config = config;
    }

    @Scheduled(every = "${qa.rerender.interval}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int done = renderAll();
            if (done > 0) {
                Log.infof("Rendered %d stored posts again with the current renderer", done);
            }
        } catch (RuntimeException e) {
            Log.warnf("Stored posts not rendered again: %s", e);
        }
    }

    /** Brings every outdated post up to date; returns how many it rendered. */
    public int renderAll() {
        int total = 0;
        for (String table : List.of("question", "answer")) {
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> batch(table));
                total += done;
            } while (done == config.batchSize());
        }
        return total;
    }

    private int batch(String table) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, body FROM " + table + " WHERE html_version < ?1"
                + " ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, CURRENT).setParameter(2, config.batchSize()).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            try {
                em.createNativeQuery("UPDATE " + table + " SET body_html = ?1, html_version = ?2 WHERE id = ?3")
                        .setParameter(1, markdown.toSafeHtml((String) row[1])).setParameter(2, CURRENT)
                        .setParameter(3, id).executeUpdate();
            } catch (QaException e) {
                // over today's budget: it keeps what it shows now
                em.createNativeQuery("UPDATE " + table + " SET html_version = ?1 WHERE id = ?2")
                        .setParameter(1, CURRENT).setParameter(2, id).executeUpdate();
            }
        }
        return rows.size();
    }
}
