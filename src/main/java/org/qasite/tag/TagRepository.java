package org.qasite.tag;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Finds tags by name and creates the ones that do not exist yet, safely when two members create one at once. */
@ApplicationScoped
public class TagRepository {

    private final EntityManager em;

    TagRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Tag> findOrCreate(List<String> names) {
        // One statement taking the names in sorted order: two askers creating the same new tags in different
        // orders would otherwise lock them in opposite orders and deadlock.
        em.createNativeQuery("INSERT INTO tag (name) SELECT n FROM unnest(?1) AS n ORDER BY n ON CONFLICT (name) DO NOTHING")
                .setParameter(1, names.toArray(String[]::new)).executeUpdate();
        return Tag.list("name in ?1 order by name", names);
    }
}
