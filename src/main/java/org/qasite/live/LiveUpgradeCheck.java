package org.qasite.live;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.Site;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses the WebSocket upgrade for a page of another site (its {@code Origin}, so that no other site can open a
 * socket with a reader's cookies), and for a question that does not exist: no room for it. Remembers who the reader is,
 * for the answers' fragments.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Long> QUESTION = UserData.TypedKey.forLong("question");
    static final UserData.TypedKey<Long> MEMBER = UserData.TypedKey.forLong("member");

    private final LiveAnswers answers;
    private final Set<String> allowedOrigins;

    LiveUpgradeCheck(LiveConfig config, Site site, LiveAnswers answers) {
        this.answers = answers;
        this.allowedOrigins = Stream.concat(Stream.of(site.getBaseUrl()), config.allowedOrigins().orElse(List.of()).stream())
                .map(LiveUpgradeCheck::origin).filter(o -> o != null).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isAllowed(origin, context.httpRequest().getHeader(HttpHeaders.HOST))) {
            Log.debugf("Live connection refused for origin %s", origin);
            return CheckResult.rejectUpgrade(403);
        }
        long questionId;
        try {
            questionId = Long.parseLong(context.pathParam("id"));
        } catch (NumberFormatException e) {
            return CheckResult.rejectUpgrade(404);
        }
        return context.securityIdentity().onItem().transformToUni(identity -> Uni.createFrom()
                .item(() -> admit(context.userData(), questionId, identity))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Runs on a worker thread: it reads the database. */
    private CheckResult admit(UserData data, long questionId, SecurityIdentity identity) {
        if (answers.questionAuthor(questionId) == null) {
            return CheckResult.rejectUpgradeSync(404);
        }
        data.put(QUESTION, questionId);
        if (identity != null && !identity.isAnonymous()) {
            Long member = answers.memberId(identity.getPrincipal().getName());
            if (member != null) {
                data.put(MEMBER, member);
            }
        }
        return CheckResult.permitUpgradeSync();
    }

    /** The site's own address, one configured, or the address the request was sent to (same origin). */
    boolean isAllowed(String origin, String host) {
        String normalized = origin(origin);
        if (normalized == null) {
            return false;
        }
        if (allowedOrigins.contains(normalized)) {
            return true;
        }
        String authority = URI.create(normalized).getRawAuthority();
        return host != null && authority != null && authority.equalsIgnoreCase(host);
    }

    /** {@code scheme://host[:port]} in lower case, or null when the text is not an absolute http(s) address. */
    static String origin(String address) {
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
                return null;
            }
            return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
