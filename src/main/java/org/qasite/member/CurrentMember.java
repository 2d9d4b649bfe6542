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

    /**
     * The member's id, or a 401 that says what needs a login: from the session the request was authenticated with
     * (every logged-in identity comes from one), without reading the member, a round trip to the database fewer. Only
     * for a call whose transaction reads the member again under {@link Member#lockForPosting}, which refuses a deleted
     * account: this instance trusts a session it read for a few seconds (the session cache), so one whose member was
     * deleted on another instance meanwhile still names the member here. Elsewhere {@link #require} reads the member.
     *
     * @param action what the visitor tried
     */
    public long requireId(LoginAction action) {
        Long id = identity.isAnonymous() ? null : identity.getAttribute(Member.IDENTITY_ID);
        if (id == null) {
            throw QaException.unauthorized(Refusals.loginTo(action));
        }
        return id;
    }

    public Long id() {
        return get().map(m -> m.id).orElse(null);
    }
}
