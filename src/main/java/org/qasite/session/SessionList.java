package org.qasite.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in member's sessions in force, for the sessions section of the settings page. */
@Named("memberSessions")
@RequestScoped
public class SessionList {

    /** One session as the member sees it: which browser, from where, since when, and whether it is this one. */
    public record Row(UUID id, String browser, String address, Instant startedAt, Instant lastSeenAt,
            boolean current) {
    }

    private final SecurityIdentity identity;
    private final Sessions sessions;
    private List<Row> rows;

    SessionList(SecurityIdentity identity, Sessions sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    /** This browser's session first, then the others, the latest used first; none for a visitor. */
    public List<Row> getRows() {
        if (rows == null) {
            Long member = SessionIdentity.memberId(identity);
            UUID current = SessionIdentity.sessionId(identity);
            rows = member == null ? List.of()
                    : sessions.listActive(member).stream()
                            .map(s -> new Row(s.id(), Browsers.describe(s.userAgent()),
                                    s.address() == null || s.address().isBlank() ? "unknown address" : s.address(),
                                    s.createdAt(), s.lastSeenAt(), s.id().equals(current)))
                            .sorted((a, b) -> Boolean.compare(b.current(), a.current())).toList();
        }
        return rows;
    }
}
