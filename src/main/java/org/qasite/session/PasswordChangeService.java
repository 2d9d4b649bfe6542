package org.qasite.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.Member;
import org.qasite.member.MemberConfig;
import org.qasite.member.PasswordPolicy;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A member's new password, chosen with the current one. The current password is checked like a login's, and counts
 * like one towards the delays of {@link LoginThrottle}: the form must not let a stolen session guess it faster. The
 * new one meets the sign-up rules ({@link PasswordPolicy}); once it is in place, every other session of the member
 * ends.
 */
@ApplicationScoped
class PasswordChangeService {

    private final OwnPassword ownPassword;
    private final PasswordPolicy policy;
    private final MemberConfig config;
    private final Sessions sessions;

    PasswordChangeService(OwnPassword ownPassword, PasswordPolicy policy, MemberConfig config, Sessions sessions) {
        this.ownPassword = ownPassword;
        this.policy = policy;
        this.config = config;
        this.sessions = sessions;
    }

    /**
     * Replaces the member's password and ends their sessions but {@code keep}; answers how many ended.
     *
     * @throws InvalidInput with a message per field ({@code current_password}, {@code password},
     *         {@code password_confirm}) when anything is wrong; nothing is changed then
     * @throws QaException 429 when the current password was tried wrong too often lately
     */
    int change(Member member, UUID keep, String currentPassword, String password, String passwordConfirm,
            LoginThrottle.Origin origin) {
        Map<String, String> errors = new LinkedHashMap<>();
        RefusalMsg words = Refusals.now();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put("current_password", words.password_enter_current());
        } else if (!ownPassword.matches(member, currentPassword, origin)) {
            errors.put("current_password", words.password_not_current());
        }
        String problem = policy.problem(password, member.username, member.email);
        if (problem != null) {
            errors.put("password", problem);
        } else if (!password.equals(passwordConfirm)) {
            errors.put("password_confirm", words.passwords_differ());
        } else if (errors.isEmpty() && BcryptUtil.matches(password, member.passwordHash)) {
            errors.put("password", words.password_same());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String hash = BcryptUtil.bcryptHash(password, Math.max(12, config.bcryptCost()));
        // The bcrypts above ran outside any transaction; the sessions end once the new hash is committed, so that a
        // login with the old password still under way cannot start one after them (the generation they raise).
        QuarkusTransaction.requiringNew().run(() -> Member.update("passwordHash = ?1 where id = ?2", hash, member.id));
        return sessions.endOthers(member.id, keep);
    }
}
