package org.aqqua.ingest.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which files are images AqQua stores: the upstream test images, and the ways a file can fail to be one. */
class ImageProbeTest {

    static final Path DATA = Path.of("../fixtures/external/ecotaxa_back/QA/py/data");

    final ImageProbe probe = new ImageProbe();

    @TempDir
    Path work;

    @Test
    void upstreamPngJpegAndGifDecode() throws Exception {
        ProbedImage png = probe.probe(DATA.resolve("images/0128.png"));
        assertThat(png.format()).isEqualTo(ImageFormat.PNG);
        assertThat(png.width()).isPositive();
        assertThat(png.sha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(png.bytes()).isEqualTo(Files.size(DATA.resolve("images/0128.png")));
        assertThat(probe.probe(DATA.resolve("images/9990.jpg")).format()).isEqualTo(ImageFormat.JPEG);
        assertThat(probe.probe(DATA.resolve("images/4261.gif")).format()).isEqualTo(ImageFormat.GIF);
    }

    @Test
    void tiffAndBmpAreAcceptedToo() throws Exception {
        BufferedImage gray = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        for (String format : new String[] {"tiff", "bmp"}) {
            Path file = work.resolve("roi." + format);
            ImageIO.write(gray, format, file.toFile());
            ProbedImage image = probe.probe(file);
            assertThat(image.format().wireName()).isEqualTo(format);
            assertThat(image.width()).isEqualTo(30);
            assertThat(image.height()).isEqualTo(20);
        }
    }

    /** Upstream's "corrupted image" is text under a .jpg name; EcoTaxa says "cannot identify image file". */
    @Test
    void upstreamCorruptedJpegIsRefused() {
        Path corrupted = DATA.resolve("import_issues/tsv_issues/m106_mn01_n3_sml_corrupted_image.jpg");
        assertThatThrownBy(() -> probe.probe(corrupted)).isInstanceOf(ImageRefusedException.class)
                .hasMessageStartingWith("not an image");
    }

    @Test
    void jpegWithItsDataCutOffIsRefused() throws Exception {
        byte[] jpeg = Files.readAllBytes(DATA.resolve("images/9990.jpg"));
        Path cut = Files.write(work.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        assertThatThrownBy(() -> probe.probe(cut)).isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("cannot decode the JPEG image");
    }

    @Test
    void aTextFileNamedPngIsNotAnImage() throws Exception {
        Path fake = Files.writeString(work.resolve("fake.png"), "object_id\tobject_lat\n");
        assertThatThrownBy(() -> probe.probe(fake)).isInstanceOf(ImageRefusedException.class)
                .hasMessage("not an image: the content is not PNG, JPEG, GIF, TIFF or BMP");
    }

    /** Images read from their zip are probed in memory: the same answer, the same refusals, as from a file. */
    @Test
    void anImageInMemoryIsProbedAsItsFileIs() throws Exception {
        for (String name : new String[] {"images/0128.png", "images/9990.jpg", "images/4261.gif"}) {
            Path file = DATA.resolve(name);
            assertThat(probe.probe(Files.readAllBytes(file))).as(name).isEqualTo(probe.probe(file));
        }
        byte[] jpeg = Files.readAllBytes(DATA.resolve("images/9990.jpg"));
        assertThatThrownBy(() -> probe.probe(Arrays.copyOf(jpeg, jpeg.length * 2 / 3)))
                .isInstanceOf(ImageRefusedException.class).hasMessageContaining("cannot decode the JPEG image");
        assertThatThrownBy(() -> probe.probe("object_id\tobject_lat\n".getBytes()))
                .isInstanceOf(ImageRefusedException.class).hasMessageStartingWith("not an image");
        assertThatThrownBy(() -> probe.probe(new byte[0])).isInstanceOf(ImageRefusedException.class);
    }

    /**
     * A thread keeps one reader per format and reuses it: an image that failed to decode leaves nothing behind
     * for the next one (same answers as with fresh readers, in either order).
     */
    @Test
    void aReusedReaderAnswersAfterAFailureAsAFreshOneDoes() throws Exception {
        byte[] png = Files.readAllBytes(DATA.resolve("images/0128.png"));
        byte[] jpeg = Files.readAllBytes(DATA.resolve("images/9990.jpg"));
        ProbedImage goodPng = probe.probe(png);
        ProbedImage goodJpeg = probe.probe(jpeg);
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> probe.probe(Arrays.copyOf(png, png.length / 2)))
                    .isInstanceOf(ImageRefusedException.class);
            assertThat(probe.probe(png)).isEqualTo(goodPng);
            assertThatThrownBy(() -> probe.probe(Arrays.copyOf(jpeg, jpeg.length * 2 / 3)))
                    .isInstanceOf(ImageRefusedException.class);
            assertThat(probe.probe(jpeg)).isEqualTo(goodJpeg);
        }
        assertThatThrownBy(() -> probe.probe(pngHeaderOnly(20_001, 20_000))).isInstanceOf(
                ImageRefusedException.class);
        assertThat(probe.probe(png)).isEqualTo(goodPng);
    }

    @Test
    void truncatedPngIsRefused() throws Exception {
        byte[] png = Files.readAllBytes(DATA.resolve("images/0128.png"));
        Path cut = Files.write(work.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertThatThrownBy(() -> probe.probe(cut)).isInstanceOf(ImageRefusedException.class);
    }

    /** Each format's decoder is made to read all of the image data: cut off near its end, none passes. */
    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "tiff", "bmp"})
    void anImageCutOffNearItsEndIsRefusedInEveryFormat(String format) throws Exception {
        byte[] image = noisyImage(format, 200, 150);
        assertThat(probe.probe(image).width()).isEqualTo(200);
        assertThatThrownBy(() -> probe.probe(Arrays.copyOf(image, image.length * 95 / 100)))
                .isInstanceOf(ImageRefusedException.class).hasMessageStartingWith("cannot decode");
    }

    /** A TIFF over one tile is read tile by tile: every tile's data, so a cut-off tail is still found. */
    @Test
    void aTiffOfSeveralTilesIsReadToItsEnd() throws Exception {
        byte[] image = noisyImage("tiff", 2_100, 2_000);
        ProbedImage whole = probe.probe(image);
        assertThat(whole.width()).isEqualTo(2_100);
        assertThat(whole.height()).isEqualTo(2_000);
        assertThatThrownBy(() -> probe.probe(Arrays.copyOf(image, image.length - 5_000)))
                .isInstanceOf(ImageRefusedException.class).hasMessageStartingWith("cannot decode");
    }

    /** A PNG header claiming 20001×20000 px is refused from the header, before a single pixel is decoded. */
    @Test
    void imagesOverTwentyThousandSquaredAreRefusedFromTheHeader() throws Exception {
        Path huge = Files.write(work.resolve("huge.png"), pngHeaderOnly(20_001, 20_000));
        assertThatThrownBy(() -> probe.probe(huge)).isInstanceOf(ImageRefusedException.class)
                .hasMessage("image is 20001×20000 px, over the limit of 20000×20000 px");
    }

    /** Upstream's "too big" PNG is 225×346 px (its test lowers PIL's limit): a normal image here. */
    @Test
    void upstreamTooBigPngIsAnOrdinaryImageHere() throws Exception {
        ProbedImage image = probe.probe(DATA.resolve("import_issues/tsv_issues/m106_mn01_n3_sml_too_big.png"));
        assertThat(image.width()).isEqualTo(225);
        assertThat(image.height()).isEqualTo(346);
    }

    /** An image of random grey pixels (incompressible, so a cut removes pixel data), encoded in the format. */
    static byte[] noisyImage(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height,
                format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(256) * 0x010101);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
        return out.toByteArray();
    }

    /** Signature and IHDR of a PNG with the given size, no image data: enough for a reader to report the size. */
    static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        out.write(ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
