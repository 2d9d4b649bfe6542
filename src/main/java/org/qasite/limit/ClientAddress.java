package org.qasite.limit;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

/** What counts as one client for the limits and counters that go by address. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The client's address as the site takes it: the connection's, or behind a trusted proxy the one it forwarded
     * (Quarkus substitutes it); null when unknown.
     */
    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 network ("2001:db8:1:2::/64"), since a subscriber is given
     * a whole /64 and may pick a new address in it for every request; an IPv4-mapped IPv6 address as the IPv4 address.
     * Parsed as a literal, never looked up.
     */
    public static String network(String address) {
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
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
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
