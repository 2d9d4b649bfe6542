package org.qasite.question;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Folds the rows that asking, editing and deleting questions append to tag_count_delta and title_word_delta into
 * tag.questions and title_word (the database function fold_counts, V26): appending never makes two questions asked at
 * once wait for each other, as updating one counter row per tag or per title word did. One instance at a time folds
 * (an advisory lock in the database); the others return at once.
 */
@ApplicationScoped
public class CountFolds {

    private final EntityManager em;

    CountFolds(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${qa.counts.fold-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            fold();
        } catch (RuntimeException e) {
            Log.warnf("Counts not folded: %s", e);
        }
    }

    @Transactional
    public void fold() {
        em.createNativeQuery("SELECT fold_counts()").getSingleResult();
    }
}
