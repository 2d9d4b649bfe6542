package org.qasite.limit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ipv6AddressesCountByTheirNetworkAndIpv4AsTheyAre() {
        assertThat(ClientAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), equalTo("2001:db8:1:2::/64"));
        assertThat(ClientAddress.network("2001:db8:1:2::ffff"), equalTo("2001:db8:1:2::/64"));
        assertThat(ClientAddress.network("203.0.113.7"), equalTo("203.0.113.7"));
        assertThat(ClientAddress.network("::ffff:203.0.113.7"), equalTo("203.0.113.7"));
        assertThat(ClientAddress.network(null), equalTo("unknown"));
        assertThat(ClientAddress.network("not-an-address"), equalTo("not-an-address"));
    }
}
