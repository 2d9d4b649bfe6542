package org.qasite.secrets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SiteKeysTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** RFC 5869, appendix A, test cases 1 and 3. */
    @Test
    void hkdfGivesTheRfcsTestVectors() {
        byte[] prk = Hkdf.extract(hex("000102030405060708090a0b0c"), hex("0b".repeat(22)));
        assertThat(HexFormat.of().formatHex(prk),
                equalTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 42)), equalTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));

        byte[] prk3 = Hkdf.extract(new byte[0], hex("0b".repeat(22)));
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk3, new byte[0], 42)), equalTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    @Test
    void eachPurposeHasItsOwnKeyAndEveryInstanceTheSame() {
        SiteKeys keys = new SiteKeys("a-secret-of-at-least-thirty-two-characters");
        SiteKeys again = new SiteKeys("a-secret-of-at-least-thirty-two-characters");
        SiteKeys other = new SiteKeys("another-secret-of-at-least-thirty-two-chars");
        for (SiteKeys.Purpose purpose : SiteKeys.Purpose.values()) {
            assertThat(again.bytes(purpose), equalTo(keys.bytes(purpose)));
            assertThat(Arrays.equals(other.bytes(purpose), keys.bytes(purpose)), equalTo(false));
            for (SiteKeys.Purpose second : SiteKeys.Purpose.values()) {
                if (second != purpose) {
                    assertThat(keys.bytes(second), not(equalTo(keys.bytes(purpose))));
                }
            }
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SiteKeys("too short"));
        assertThat(refused.getMessage().contains("QA_SESSION_KEY"), equalTo(true));
    }
}
