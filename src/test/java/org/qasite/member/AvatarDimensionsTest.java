package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Picture sizes are read from the headers of each accepted format, without decoding the picture. */
class AvatarDimensionsTest {

    static int[] size(String hex) {
        byte[] data = HexFormat.of().parseHex(hex);
        return AvatarStore.dimensions(data, AvatarStore.detectType(data));
    }

    @Test
    void png() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        assertThat(AvatarStore.dimensions(png, "image/png"), equalTo(new int[] { 1, 1 }));
        assertThat(size("89504e470d0a1a0a0000000d4948445200003e8000000fa008060000001f15c489"),
                equalTo(new int[] { 16000, 4000 }));
    }

    @Test
    void gif() {
        assertThat(size("474946383961" + "2003" + "5802" + "000000"), equalTo(new int[] { 800, 600 }));
    }

    @Test
    void jpeg() {
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640
        String app0 = "ffe0" + "0010" + "4a46494600010100000100010000";
        String sof0 = "ffc0" + "0011" + "08" + "01e0" + "0280" + "03012200021101031101";
        assertThat(size("ffd8" + app0 + sof0), equalTo(new int[] { 640, 480 }));
        assertThat(size("ffd8ffe0"), nullValue());
    }

    @Test
    void headersCutShortAreUnreadable() {
        assertThat(size("52494646" + "00000000" + "57454250"), nullValue()); // WebP, nothing after the form type
        assertThat(size("52494646" + "00000000" + "57454250" + "5650"), nullValue());
        assertThat(size("89504e470d0a1a0a0000000d494844"), nullValue()); // PNG, IHDR cut
        assertThat(size("474946383961" + "20"), nullValue()); // GIF, screen size cut
    }

    @Test
    void webp() {
        String riff = "52494646" + "00000000" + "57454250";
        // VP8X: canvas 3000 x 2000 stored minus one, little-endian 24-bit
        String vp8x = "56503858" + "0a000000" + "00000000" + "b70b00" + "cf0700";
        assertThat(size(riff + vp8x), equalTo(new int[] { 3000, 2000 }));
        // VP8 (lossy): frame tag, start code, then 14-bit width and height
        String vp8 = "56503820" + "00000000" + "000000" + "9d012a" + "4001" + "f000";
        assertThat(size(riff + vp8), equalTo(new int[] { 320, 240 }));
    }
}
