package org.qasite.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

/** Real picture files for the upload tests, each with content of its own (a random pixel) unless told otherwise. */
final class Images {

    private Images() {
    }

    static byte[] png(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    /** A picture of one bit per pixel: a very large one still makes a small file. */
    static byte[] hugePng(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_BYTE_BINARY), "png");
    }

    static byte[] jpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    static byte[] gif(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /** The smallest lossless WebP header with a size (VP8L), which is all the site reads of it. */
    static byte[] webp(int width, int height) {
        byte[] d = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, d, 0, 4);
        d[4] = 22;
        System.arraycopy("WEBPVP8L".getBytes(), 0, d, 8, 8);
        d[16] = 9;
        d[20] = 0x2f;
        int bits = (width - 1) | (height - 1) << 14;
        d[21] = (byte) bits;
        d[22] = (byte) (bits >> 8);
        d[23] = (byte) (bits >> 16);
        d[24] = (byte) (bits >> 24);
        d[25] = (byte) ThreadLocalRandom.current().nextInt();
        d[26] = (byte) ThreadLocalRandom.current().nextInt();
        return d;
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt(0xffffff));
        }
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
