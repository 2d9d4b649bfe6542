package org.qasite.live;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code /ws/me} sockets each address holds on this instance, against a limit of their own
 * ({@code qa.live.max-me-sockets-per-address}): every page of a member opens one, so they must not use up the sockets
 * an address may open on question pages, nor the other way round.
 */
@Singleton // no client proxy: the counts it inherits are read and changed in place
@Typed(MePageSockets.class)
class MePageSockets extends AddressSockets {

    MePageSockets(LiveConfig config, MeterRegistry registry) {
        super(config.maxMeSocketsPerAddress(), Counter.builder("qa.live.me.refused")
                .description("/ws/me sockets refused because their address had too many open on this instance")
                .register(registry));
    }
}
