package org.qasite.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many live sockets each address (its opaque key, see {@code views.Readers}) holds open on this instance, against
 * {@code qa.live.max-sockets-per-address}. Per instance: behind a load balancer an address may hold that many on
 * each, which still bounds what one address costs any one instance.
 */
@ApplicationScoped
class AddressSockets {

    private final int limit;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final Counter refused;

    @Inject
    AddressSockets(LiveConfig config, MeterRegistry registry) {
        this(config.maxSocketsPerAddress(), Counter.builder("qa.live.refused")
                .description("Live sockets refused because their address had too many open on this instance")
                .register(registry));
    }

    AddressSockets(int limit, Counter refused) {
        this.limit = limit;
        this.refused = refused;
    }

    int limit() {
        return limit;
    }

    /** Whether the address is at its limit: its next socket is refused before the upgrade. */
    boolean isFull(String address) {
        return open.getOrDefault(address, 0) >= limit;
    }

    /** Counts one more socket of the address, unless it is at its limit already (then false). */
    boolean take(String address) {
        boolean[] taken = { false };
        open.compute(address, (key, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limit) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    /** A socket of the address closed. */
    void release(String address) {
        open.computeIfPresent(address, (key, n) -> n <= 1 ? null : n - 1);
    }

    /** Sockets of the address open here. */
    int open(String address) {
        return open.getOrDefault(address, 0);
    }

    void refused() {
        refused.increment();
    }
}
