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

    /** What the tag is about, shown on its page; null until someone writes it. */
    public String description;

    /**
     * The tag of this name, written in any of its forms ("Java", fullwidth "ｊａｖａ"); or a tag made before names were
     * brought to one form, by its exact name, so that its page stays.
     */
    public static Optional<Tag> findByName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = TagNames.name(raw);
        if (TagNames.problem(List.of(name)) == null) {
            Optional<Tag> tag = find("name", name).firstResultOptional();
            if (tag.isPresent() || name.equals(raw)) {
                return tag;
            }
        }
        if (raw.length() > TagNames.MAX_LENGTH || raw.indexOf('\0') >= 0) {
            return Optional.empty(); // cannot exist, and may hold bytes PostgreSQL refuses (NUL)
        }
        return find("name", raw).firstResultOptional();
    }
}
