package org.qasite.member;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Refusals;

import io.quarkus.security.identity.SecurityIdentity;

/** The member making this request, if logged in; read once per request. */
@Named("me")
@RequestScoped
public class CurrentMember {

    private final SecurityIdentity identity;
    private Member member;
    private boolean loaded;

    CurrentMember(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Member> get() {
        if (!loaded) {
            loaded = true;
            if (!identity.isAnonymous()) {
                member = Member.findByUsername(identity.getPrincipal().getName()).orElse(null);
            }
        }
        return Optional.ofNullable(member);
    }

    /** For templates: the member, or null for a visitor. */
    public Member getMember() {
        return get().orElse(null);
    }

    public boolean isLoggedIn() {
        return get().isPresent();
    }

    /** Whether the request comes from an administrator: the role that {@code @RolesAllowed} checks. */
    public boolean isAdmin() {
        return identity.hasRole(Member.ROLE_ADMIN);
    }

    /**
     * The member, or a 401 that says what needs a login.
     *
     * @param action what the visitor tried
     */
    public Member require(LoginAction action) {
        return get().orElseThrow(() -> QaException.unauthorized(Refusals.loginTo(action)));
    }

    public Long id() {
        return get().map(m -> m.id).orElse(null);
    }
}
