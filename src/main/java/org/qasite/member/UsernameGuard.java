package org.qasite.member;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Runs before the database identity store: a login name that no member can have fails like any wrong login, without
 * a query (a NUL byte would otherwise make PostgreSQL refuse the query and the login answer 500).
 */
@ApplicationScoped
@Unremovable // found by the security layer through a wildcard lookup, which does not keep it alive
class UsernameGuard implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        if (username == null || !Member.USERNAME.matcher(username).matches()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().nullItem(); // a plausible name: the database store decides
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000; // the generated JPA store runs at SYSTEM_FIRST + 1
    }
}
