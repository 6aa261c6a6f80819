package org.aqqua.ingest.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks that a file is an image AqQua can use, by decoding it: PNG, JPEG, GIF, TIFF or BMP by content, at most
 * {@value #MAX_PIXELS} pixels (EcoTaxa's 20000×20000 limit, checked from the header before any pixel is decoded),
 * and every pixel readable. Very large images are decoded subsampled, which still reads all their data, so a
 * corrupt tail is found without holding a 400-megapixel raster in a small heap. Thread-safe.
 */
public final class ImageProbe {

    public static final long MAX_PIXELS = 20_000L * 20_000L;

    /**
     * One reader per format and thread, reset after each image: looking a reader up in ImageIO's registry and
     * creating it cost as much as decoding a small image.
     */
    private static final ThreadLocal<Map<ImageFormat, ImageReader>> READERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(ImageFormat.class));

    /** Largest raster decoded at full resolution; larger images are decoded subsampled down to about this. */
    private static final long FULL_DECODE_PIXELS = 4_000_000L;

    public ProbedImage probe(Path file) throws IOException, ImageRefusedException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ImageFormat.MAGIC_BYTES);
        }
        ImageFormat format = detect(head);
        String sha256 = sha256(file);
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            return check(format, input, Files.size(file), sha256);
        }
    }

    /** The same for an image already in memory (read from its zip): one pass over the bytes, no temporary file. */
    public ProbedImage probe(byte[] content) throws IOException, ImageRefusedException {
        ImageFormat format = detect(content);
        MessageDigest digest = sha256Digest();
        String sha256 = HexFormat.of().formatHex(digest.digest(content));
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            return check(format, input, content.length, sha256);
        }
    }

    private static ProbedImage check(ImageFormat format, ImageInputStream input, long bytes, String sha256)
            throws ImageRefusedException {
        ImageReader reader = READERS.get().computeIfAbsent(format, ImageProbe::newReader);
        if (reader == null) {
            throw new ImageRefusedException("no decoder for " + format.wireName() + " images");
        }
        try {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > MAX_PIXELS) {
                throw new ImageRefusedException("image is " + width + "×" + height
                        + " px, over the limit of 20000×20000 px");
            }
            decode(reader, width, height);
            return new ProbedImage(format, width, height, bytes, sha256);
        } catch (IOException | RuntimeException e) {
            throw new ImageRefusedException("cannot decode the " + format.wireName().toUpperCase()
                    + " image: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            reader.reset(); // input and listeners cleared, ready for the thread's next image of this format
        }
    }

    private static ImageFormat detect(byte[] head) throws ImageRefusedException {
        return ImageFormat.detect(head, Math.min(head.length, ImageFormat.MAGIC_BYTES)).orElseThrow(
                () -> new ImageRefusedException("not an image: the content is not PNG, JPEG, GIF, TIFF or BMP"));
    }

    private static ImageReader newReader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.wireName());
        return readers.hasNext() ? readers.next() : null;
    }

    /** Decodes every pixel (or every n-th for huge images); a decoder warning means damaged data, as an error does. */
    private static void decode(ImageReader reader, int width, int height) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        long pixels = (long) width * height;
        if (pixels > FULL_DECODE_PIXELS) {
            int step = (int) Math.ceil(Math.sqrt((double) pixels / FULL_DECODE_PIXELS));
            param.setSourceSubsampling(step, step, 0, 0);
        }
        StringBuilder warnings = new StringBuilder();
        reader.addIIOReadWarningListener((source, warning) -> warnings.append(warning).append(' '));
        BufferedImage image = reader.read(0, param);
        if (image == null) {
            throw new IOException("no image data");
        }
        if (!warnings.isEmpty()) {
            throw new IOException(warnings.toString().strip());
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
