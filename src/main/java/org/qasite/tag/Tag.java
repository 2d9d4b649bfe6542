package org.qasite.tag;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "tag")
public class Tag extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "tag_seq", sequenceName = "tag_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_seq")
    public Long id;

    public String name;

    public static Optional<Tag> findByName(String name) {
        if (name == null || TagNames.problem(List.of(name)) != null) {
            return Optional.empty(); // cannot exist, and may hold bytes PostgreSQL refuses (NUL)
        }
        return find("name", name).firstResultOptional();
    }
}
