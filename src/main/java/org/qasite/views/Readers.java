package org.qasite.views;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.ClientAddress;
import org.qasite.secrets.SiteKeys;

/**
 * Who a reader is to the counters (question views, "N viewing now", live sockets per address): a member by id, anyone
 * else by an HMAC of their network address. Nothing else about a visitor counts, so a new {@code User-Agent} or a new
 * tab makes nobody new; and no address reaches Redis or another instance, nor can be read back without the site's key.
 */
@ApplicationScoped
public class Readers {

    /** 16 characters of base64: 96 bits, short on the presence stream, and no two readers of a room alike. */
    private static final int VISITOR_KEY_CHARS = 16;

    private final SecretKey visitorKey;
    /** One keyed MAC per thread: looking the algorithm up and keying it took longer than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    Readers(ViewsConfig config, SiteKeys keys) {
        this.visitorKey = config.visitorKey()
                .<SecretKey> map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .orElseGet(() -> keys.key(SiteKeys.Purpose.VISITORS, "HmacSHA256"));
    }

    /** The member by id when there is one, else the visitor by address (null: unknown, counted as "unknown"). */
    public String of(Long memberId, String address) {
        return memberId != null ? member(memberId) : visitor(address);
    }

    public String member(long memberId) {
        return "m" + memberId;
    }

    /** The opaque key of an address: the same on every instance that shares the site's key. */
    public String visitor(String address) {
        // doFinal leaves the MAC ready for the next address, with the same key.
        byte[] digest = macs.get().doFinal(ClientAddress.network(address).getBytes(StandardCharsets.UTF_8));
        return "a" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, VISITOR_KEY_CHARS);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(visitorKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
