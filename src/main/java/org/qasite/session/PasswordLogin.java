package org.qasite.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.Member;
import org.qasite.member.MemberConfig;

import io.quarkus.arc.Unremovable;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks a name and password and, when they are right, starts a session. Costs the same for a name nobody has (a
 * bcrypt against a stand-in hash), so the time of an answer does not tell which names exist; only failures count
 * towards the delays of {@link LoginThrottle}.
 */
@ApplicationScoped
@Unremovable // found by the security layer through a lookup of all providers
class PasswordLogin implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final String FIND = "SELECT id, username, password_hash, role, session_generation FROM member"
            + " WHERE username = ? AND deleted_at IS NULL";

    private final DataSource dataSource;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final MemberConfig memberConfig;
    private volatile String standInHash;

    PasswordLogin(DataSource dataSource, LoginThrottle throttle, Sessions sessions, MemberConfig memberConfig) {
        this.dataSource = dataSource;
        this.throttle = throttle;
        this.sessions = sessions;
        this.memberConfig = memberConfig;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000; // before the store generated from the member entity, which this replaces
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        if (!Member.isPossibleUsername(username)) {
            return Uni.createFrom().failure(LoginRefused.wrong());
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        LoginThrottle.Origin origin = LoginForm.origin(http);
        String userAgent = http == null ? "" : http.request().getHeader("User-Agent");
        char[] password = request.getPassword().getPassword();
        return context.runBlocking(() -> check(username, new String(password), origin, userAgent));
    }

    private SecurityIdentity check(String username, String password, LoginThrottle.Origin origin, String userAgent) {
        String tryId = UUID.randomUUID().toString();
        Duration wait = throttle.tryLogin(username, origin, tryId);
        if (wait != null) {
            throw LoginRefused.tooSoon(wait);
        }
        Found member = find(username);
        boolean right = BcryptUtil.matches(password, member == null ? standInHash() : member.passwordHash());
        if (member == null || !right) {
            throw LoginRefused.wrong();
        }
        // only if the member's sessions were not all ended meanwhile ("log out everywhere" during the bcrypt)
        UUID session = sessions.start(member.id(), member.sessionGeneration(), userAgent, origin.address());
        if (session == null) {
            throw LoginRefused.wrong();
        }
        throttle.succeeded(username, origin, tryId);
        return SessionIdentity.of(new Sessions.Active(session, member.id(), member.username(), member.role(),
                Instant.now()));
    }

    private record Found(long id, String username, String passwordHash, String role, long sessionGeneration) {
    }

    private Found find(String username) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, username); // sent untyped: compared as citext, without case
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Member could not be read: " + e.getMessage(), e);
        }
    }

    /** A hash of a random password at the cost members' passwords get, made once: what an unknown name is checked against. */
    private String standInHash() {
        String hash = standInHash;
        if (hash == null) {
            hash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), Math.max(12, memberConfig.bcryptCost()));
            standInHash = hash;
        }
        return hash;
    }
}
