package org.aqqua.ingest.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The PNG check accepts what ImageIO writes, in every colour type and bit depth, and refuses every kind of damage. */
class PngCheckTest {

    @ParameterizedTest(name = "type {0}, {1}×{2}, interlaced {3}")
    @CsvSource({
        "12, 1, 1, false", "12, 17, 9, true", // 1-bit grey
        "10, 3, 5, false", "10, 90, 260, true", // 8-bit grey
        "11, 13, 7, false", "11, 13, 7, true", // 16-bit grey
        "1, 33, 2, false", "1, 2, 33, true", // RGB
        "2, 9, 9, false", "2, 9, 9, true", // RGB with alpha
        "13, 31, 4, false", "13, 5, 31, true", // palette
    })
    void acceptsEveryKindOfPngImageIoWrites(int type, int width, int height, boolean interlaced) throws Exception {
        byte[] png = png(type, width, height, interlaced);
        PngCheck.Header header = PngCheck.check(new ByteArrayInputStream(png), ImageProbe.MAX_PIXELS);
        assertThat(header).isEqualTo(new PngCheck.Header(width, height));
    }

    @Test
    void refusesThePngCutOffAtAnyByte() throws Exception {
        byte[] png = png(BufferedImage.TYPE_BYTE_GRAY, 20, 11, true);
        for (int length = 0; length < png.length; length++) {
            byte[] cut = Arrays.copyOf(png, length);
            assertThatThrownBy(() -> check(cut)).as("cut to %d of %d bytes", length, png.length)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesAnImageDataChunkWhoseCrcDoesNotMatch() throws Exception {
        byte[] png = png(BufferedImage.TYPE_BYTE_GRAY, 20, 11, false);
        int at = chunk(png, "IDAT");
        png[at + 8 + ByteBuffer.wrap(png).getInt(at) + 3] ^= 0x10; // the CRC's last byte; the data inflate well
        assertThatThrownBy(() -> check(png)).hasMessage("damaged IDAT chunk: its CRC does not match");
    }

    @Test
    void refusesDamagedCompressedDataEvenWithAMatchingCrc() throws Exception {
        byte[] png = png(BufferedImage.TYPE_BYTE_GRAY, 40, 40, false);
        byte[] compressed = idat(png);
        compressed[compressed.length - 2] ^= 0x01; // zlib's Adler-32 checksum of the inflated data
        assertThatThrownBy(() -> check(withIdat(png, compressed))).hasMessageStartingWith("damaged image data");
    }

    @Test
    void refusesARowWithAnUnknownFilterTypeAndDataShortOfTheLastRow() throws Exception {
        byte[] png = png(BufferedImage.TYPE_BYTE_GRAY, 8, 3, false);
        byte[] rows = inflate(idat(png)); // three rows of a filter byte and 8 bytes
        rows[9] = 5;
        assertThatThrownBy(() -> check(withIdat(png, deflate(rows)))).hasMessage("row 2 has filter type 5");
        byte[] short1 = Arrays.copyOf(inflate(idat(png)), 26);
        assertThatThrownBy(() -> check(withIdat(png, deflate(short1))))
                .hasMessage("the image data end early: 1 byte(s) of rows missing");
    }

    @Test
    void refusesAPaletteImageWithoutItsPalette() throws Exception {
        byte[] png = png(BufferedImage.TYPE_BYTE_INDEXED, 4, 4, false);
        int plte = chunk(png, "PLTE");
        int length = ByteBuffer.wrap(png, plte, 4).getInt();
        byte[] without = new byte[png.length - length - 12];
        System.arraycopy(png, 0, without, 0, plte);
        System.arraycopy(png, plte + length + 12, without, plte, png.length - plte - length - 12);
        assertThatThrownBy(() -> check(without)).hasMessage("a palette image without a PLTE chunk");
    }

    @Test
    void refusesMorePixelsThanTheLimitFromTheHeaderAlone() throws Exception {
        byte[] png = png(BufferedImage.TYPE_BYTE_GRAY, 20, 20, false);
        assertThatThrownBy(() -> PngCheck.check(new ByteArrayInputStream(png), 399))
                .isInstanceOf(ImageRefusedException.class).hasMessageStartingWith("image is 20×20 px");
    }

    private static PngCheck.Header check(byte[] png) throws Exception {
        return PngCheck.check(new ByteArrayInputStream(png), ImageProbe.MAX_PIXELS);
    }

    /** Random pixels (so that they compress into some data) written by ImageIO, Adam7-interlaced if asked. */
    private static byte[] png(int type, int width, int height, boolean interlaced) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Where the first chunk of this type starts (its length field). */
    private static int chunk(byte[] png, String type) {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        for (int at = 8; at < png.length; at += 12 + buffer.getInt(at)) {
            if (new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(type)) {
                return at;
            }
        }
        throw new IllegalArgumentException("no " + type);
    }

    /** The compressed image data (ImageIO writes small images in one IDAT). */
    private static byte[] idat(byte[] png) {
        int at = chunk(png, "IDAT");
        return Arrays.copyOfRange(png, at + 8, at + 8 + ByteBuffer.wrap(png).getInt(at));
    }

    /** The PNG with its IDAT replaced by one holding {@code data}, with a matching CRC. */
    private static byte[] withIdat(byte[] png, byte[] data) {
        int at = chunk(png, "IDAT");
        int end = at + 12 + ByteBuffer.wrap(png).getInt(at);
        ByteBuffer out = ByteBuffer.allocate(png.length - (end - at) + 12 + data.length);
        out.put(png, 0, at).putInt(data.length).put("IDAT".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .put(data);
        CRC32 crc = new CRC32();
        crc.update("IDAT".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        crc.update(data);
        out.putInt((int) crc.getValue()).put(png, end, png.length - end);
        return out.array();
    }

    private static byte[] inflate(byte[] data) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        inflater.end();
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
