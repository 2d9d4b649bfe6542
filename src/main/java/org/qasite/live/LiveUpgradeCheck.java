package org.qasite.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.ClientAddress;
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
 * Refuses the WebSocket upgrade for a page of another site (its {@code Origin}, so that no other site can open a
 * socket with a reader's cookies), for a question that does not exist or that only its author still sees (deleted),
 * and for an address that holds
 * as many sockets here as it may. Remembers who the reader is, for the fragments it is sent and the viewer count.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Long> QUESTION = UserData.TypedKey.forLong("question");
    static final UserData.TypedKey<Long> MEMBER = UserData.TypedKey.forLong("member");
    /** Who the reader is ({@link Readers#of}): counted once per room however many sockets they open. */
    static final UserData.TypedKey<String> READER = UserData.TypedKey.forString("reader");
    /** The opaque key of the socket's address, whose sockets are counted against the limit. */
    static final UserData.TypedKey<String> ADDRESS = UserData.TypedKey.forString("address");
    /** The {@code since} of the socket's URL: the stream position the page replays from (absent: none). */
    static final UserData.TypedKey<String> SINCE = UserData.TypedKey.forString("since");
    /**
     * The language of the socket's fragments, decided at the upgrade as for a page: the member's setting, else the
     * handshake's Accept-Language, else English.
     */
    static final UserData.TypedKey<String> LOCALE = UserData.TypedKey.forString("locale");
    /** The browser shows a refused upgrade as a plain close; other clients may read when to come back. */
    private static final Map<String, List<String>> RETRY_LATER = Map.of("Retry-After", List.of("30"));

    private final LiveLookups lookups;
    private final LiveHub hub;
    private final SameOrigin sameOrigin;
    private final Set<String> allowedOrigins;
    private final Readers readers;
    private final AddressSockets sockets;

    LiveUpgradeCheck(LiveConfig config, SameOrigin sameOrigin, LiveLookups lookups, LiveHub hub, Readers readers,
            AddressSockets sockets) {
        this.lookups = lookups;
        this.hub = hub;
        this.sameOrigin = sameOrigin;
        this.readers = readers;
        this.sockets = sockets;
        this.allowedOrigins = config.allowedOrigins().orElse(List.of()).stream().map(SameOrigin::origin)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (hub.isGoingAway()) { // 503 before the upgrade: a proxy tries another instance
            return CheckResult.rejectUpgrade(503);
        }
        HttpServerRequest request = context.httpRequest();
        if (sameOrigin.isCrossSite(request) && !isAllowedElsewhere(request.getHeader(HttpHeaders.ORIGIN))) {
            Log.debugf("Live connection refused for origin %s", request.getHeader(HttpHeaders.ORIGIN));
            return CheckResult.rejectUpgrade(403);
        }
        long questionId;
        try {
            questionId = Long.parseLong(context.pathParam("id"));
        } catch (NumberFormatException e) {
            return CheckResult.rejectUpgrade(404);
        }
        String since = queryParam(request.query(), "since");
        String acceptLanguage = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        String address = readers.visitor(ClientAddress.of(request));
        if (sockets.isFull(address)) {
            sockets.refused();
            Log.debugf("Live connection refused: address %s has %d sockets open here", address, sockets.limit());
            return CheckResult.rejectUpgrade(429, RETRY_LATER);
        }
        return context.securityIdentity().onItem().transformToUni(identity -> Uni.createFrom()
                .item(() -> admit(context.userData(), questionId, address, since, acceptLanguage, identity))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Runs on a worker thread: it reads the database. */
    private CheckResult admit(UserData data, long questionId, String address, String since, String acceptLanguage,
            SecurityIdentity identity) {
        LiveLookups.Room room = lookups.room(questionId);
        if (room == null) {
            return CheckResult.rejectUpgradeSync(404);
        }
        LiveLookups.Known known = identity == null || identity.isAnonymous() ? null
                : lookups.member(identity.getPrincipal().getName());
        Long member = known == null ? null : known.id();
        if (!room.isOpenTo(member)) { // deleted: its page is not found for anyone but its author
            return CheckResult.rejectUpgradeSync(404);
        }
        data.put(QUESTION, questionId);
        data.put(ADDRESS, address);
        if (since != null) {
            data.put(SINCE, since);
        }
        if (member != null) {
            data.put(MEMBER, member);
        }
        data.put(LOCALE, SiteLocales.forReader(known == null ? null : known.locale(), acceptLanguage).toLanguageTag());
        data.put(READER, member != null ? readers.member(member) : address);
        return CheckResult.permitUpgradeSync();
    }

    /** One of the other sites configured to open the socket ({@code qa.live.allowed-origins}). */
    private boolean isAllowedElsewhere(String origin) {
        String normalised = origin == null ? null : SameOrigin.origin(origin);
        return normalised != null && allowedOrigins.contains(normalised);
    }

    /**
     * The first value of the parameter in a query string, decoded ("" when it has no value), or null without it; a
     * value that cannot be decoded comes as it is (it is no stream position either way).
     */
    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
