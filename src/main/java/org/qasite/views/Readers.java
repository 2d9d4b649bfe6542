package org.qasite.views;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.NetUtil;

/**
 * Who a reader is to the counters (question views, "N viewing now", live sockets per address): a member by id, anyone
 * else by an HMAC of their network address. Nothing else about a visitor counts, so a new {@code User-Agent} or a new
 * tab makes nobody new; and no address reaches Redis or another instance, nor can be read back without the site's key.
 */
@ApplicationScoped
public class Readers {

    /** 16 characters of base64: 96 bits, short on the presence stream, and no two readers of a room alike. */
    private static final int VISITOR_KEY_CHARS = 16;

    private final SecretKeySpec visitorKey;

    Readers(ViewsConfig config) {
        this.visitorKey = new SecretKeySpec(config.visitorKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(visitorKey);
            byte[] digest = mac.doFinal(network(address).getBytes(StandardCharsets.UTF_8));
            return "a" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, VISITOR_KEY_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * What counts as one address: an IPv4 address as it is, an IPv6 address by its /64 network, since a subscriber is
     * given a whole /64 and may pick a new address in it for every request.
     */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        byte[] bytes = address.indexOf(':') < 0 ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
