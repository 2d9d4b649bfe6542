package org.qasite.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.ClientAddress;
import org.qasite.session.SessionIdentity;
import org.qasite.text.i18n.SiteLocales;
import org.qasite.views.Readers;
import org.qasite.web.guard.SameOrigin;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Takes a {@code /ws/me} socket only from a logged-in member (401 otherwise), from a page of this site (403 for another
 * {@code Origin}, as for the question rooms) and from an address under its limit of sockets (429, counted together
 * with its question sockets).
 */
@ApplicationScoped
class MeUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Long> MEMBER = UserData.TypedKey.forLong("me-member");
    /** The language of the page's notification lines: the member's setting, else the handshake's Accept-Language. */
    static final UserData.TypedKey<String> LOCALE = UserData.TypedKey.forString("me-locale");
    static final UserData.TypedKey<String> ADDRESS = UserData.TypedKey.forString("me-address");
    static final UserData.TypedKey<UUID> SESSION = new UserData.TypedKey<>("me-session");
    private static final Map<String, List<String>> RETRY_LATER = Map.of("Retry-After", List.of("30"));

    private final LiveHub hub;
    private final SameOrigin sameOrigin;
    private final Set<String> allowedOrigins;
    private final Readers readers;
    private final MePageSockets sockets;
    private final LiveLookups lookups;

    MeUpgradeCheck(LiveConfig config, LiveHub hub, SameOrigin sameOrigin, Readers readers, MePageSockets sockets,
            LiveLookups lookups) {
        this.hub = hub;
        this.sameOrigin = sameOrigin;
        this.readers = readers;
        this.sockets = sockets;
        this.lookups = lookups;
        this.allowedOrigins = config.allowedOrigins().orElse(List.of()).stream().map(SameOrigin::origin)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return MeEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (hub.isGoingAway()) {
            return CheckResult.rejectUpgrade(503);
        }
        HttpServerRequest request = context.httpRequest();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (sameOrigin.isCrossSite(request) && !isAllowedElsewhere(origin)) {
            Log.debugf("Inbox connection refused for origin %s", origin);
            return CheckResult.rejectUpgrade(403);
        }
        String address = readers.visitor(ClientAddress.of(request));
        if (sockets.isFull(address)) {
            sockets.refused();
            return CheckResult.rejectUpgrade(429, RETRY_LATER);
        }
        return context.securityIdentity().onItem().transformToUni(identity -> Uni.createFrom()
                .item(() -> admit(context.userData(), address, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), identity))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Runs on a worker thread: it reads the database. */
    private CheckResult admit(UserData data, String address, String acceptLanguage, SecurityIdentity identity) {
        LiveLookups.Known known = identity == null || identity.isAnonymous() ? null
                : lookups.member(identity.getPrincipal().getName());
        Long member = known == null ? null : known.id();
        UUID session = SessionIdentity.sessionId(identity);
        if (member == null || session == null) {
            return CheckResult.rejectUpgradeSync(401);
        }
        data.put(MEMBER, member);
        data.put(LOCALE, SiteLocales.forReader(known.locale(), acceptLanguage).toLanguageTag());
        data.put(SESSION, session);
        data.put(ADDRESS, address);
        return CheckResult.permitUpgradeSync();
    }

    /** One of the other sites configured to open the sockets ({@code qa.live.allowed-origins}). */
    private boolean isAllowedElsewhere(String origin) {
        String normalised = origin == null ? null : SameOrigin.origin(origin);
        return normalised != null && allowedOrigins.contains(normalised);
    }
}
