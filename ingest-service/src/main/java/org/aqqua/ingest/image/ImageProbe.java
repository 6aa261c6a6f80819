package org.aqqua.ingest.image;

import java.awt.Rectangle;
import java.io.BufferedInputStream;
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
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks that a file is an image AqQua can use, by decoding it: PNG, JPEG, GIF, TIFF or BMP by content, at most
 * {@value #MAX_PIXELS} pixels (EcoTaxa's 20000×20000 limit, checked from the header before any pixel is decoded),
 * and all of its image data readable, so that a cut-off or damaged file is refused. A PNG is checked by
 * {@link PngCheck} (its data inflated and checked, rows not unfiltered), every other format by ImageIO's decoder. No full raster is kept: a
 * 400-megapixel image is checked in a small heap, and a small one without allocating and filling pixels nobody
 * looks at. Thread-safe.
 */
public final class ImageProbe {

    public static final long MAX_PIXELS = 20_000L * 20_000L;

    /**
     * One reader per format and thread, reset after each image: looking a reader up in ImageIO's registry and
     * creating it cost as much as decoding a small image.
     */
    private static final ThreadLocal<Map<ImageFormat, ImageReader>> READERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(ImageFormat.class));

    /**
     * Formats whose decoders read all of an image's data even when asked for a single pixel (the data are one
     * compressed stream, or the rows depend on each other), so one pixel is all they are asked for. The TIFF
     * decoder skips what a subsampled read does not need, so a TIFF is read in tiles of every pixel instead.
     * The BMP decoder skips data outside a tile as well, and does not notice a cut-off file when reading a tile, so
     * a BMP is read whole up to one tile's size and subsampled above it: a cut-off tail of a BMP over
     * {@value #TILE_PIXELS} pixels is not found (BMP is rare for plankton images, and never that large).
     */
    private static final Set<ImageFormat> READ_WHOLE_FOR_ONE_PIXEL = EnumSet.of(ImageFormat.JPEG, ImageFormat.GIF);

    /** Largest tile of a TIFF (or whole BMP) decoded at once. */
    private static final long TILE_PIXELS = 4_000_000L;

    public ProbedImage probe(Path file) throws IOException, ImageRefusedException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ImageFormat.MAGIC_BYTES);
        }
        ImageFormat format = detect(head);
        String sha256 = sha256(file);
        if (format == ImageFormat.PNG) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return checkPng(in, Files.size(file), sha256);
            }
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            return check(format, input, Files.size(file), sha256);
        }
    }

    /** The same for an image already in memory (read from its zip): one pass over the bytes, no temporary file. */
    public ProbedImage probe(byte[] content) throws IOException, ImageRefusedException {
        ImageFormat format = detect(content);
        MessageDigest digest = sha256Digest();
        String sha256 = HexFormat.of().formatHex(digest.digest(content));
        if (format == ImageFormat.PNG) {
            return checkPng(new ByteArrayInputStream(content), content.length, sha256);
        }
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
            decode(reader, format, width, height);
            return new ProbedImage(format, width, height, bytes, sha256);
        } catch (IOException | RuntimeException e) {
            throw new ImageRefusedException("cannot decode the " + format.wireName().toUpperCase()
                    + " image: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            reader.reset(); // input and listeners cleared, ready for the thread's next image of this format
        }
    }

    /** A PNG is checked by {@link PngCheck}: everything a decoder would find, at a fraction of a decode's cost. */
    private static ProbedImage checkPng(InputStream in, long bytes, String sha256) throws ImageRefusedException {
        try {
            PngCheck.Header header = PngCheck.check(in, MAX_PIXELS);
            return new ProbedImage(ImageFormat.PNG, header.width(), header.height(), bytes, sha256);
        } catch (IOException e) {
            throw new ImageRefusedException("cannot decode the PNG image: " + e.getMessage(), e);
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

    /** Reads all of the image data; a decoder warning means damaged data, as an error does. */
    private static void decode(ImageReader reader, ImageFormat format, int width, int height) throws IOException {
        StringBuilder warnings = new StringBuilder();
        reader.addIIOReadWarningListener((source, warning) -> warnings.append(warning).append(' '));
        if (READ_WHOLE_FOR_ONE_PIXEL.contains(format)) {
            readOnePixel(reader, width, height);
        } else if (format == ImageFormat.TIFF) {
            readInTiles(reader, width, height);
        } else {
            readWholeOrSubsampled(reader, width, height);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(warnings.toString().strip());
        }
    }

    private static void readOnePixel(ImageReader reader, int width, int height) throws IOException {
        ImageReadParam onePixel = reader.getDefaultReadParam();
        onePixel.setSourceSubsampling(width, height, 0, 0);
        read(reader, onePixel);
    }

    private static void readInTiles(ImageReader reader, int width, int height) throws IOException {
        int tileWidth = (int) Math.min(width, TILE_PIXELS);
        int tileHeight = (int) Math.min(height, Math.max(1, TILE_PIXELS / tileWidth));
        for (int y = 0; y < height; y += tileHeight) {
            for (int x = 0; x < width; x += tileWidth) {
                ImageReadParam tile = reader.getDefaultReadParam();
                tile.setSourceRegion(new Rectangle(x, y, Math.min(tileWidth, width - x),
                        Math.min(tileHeight, height - y)));
                read(reader, tile);
            }
        }
    }

    private static void readWholeOrSubsampled(ImageReader reader, int width, int height) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        long pixels = (long) width * height;
        if (pixels > TILE_PIXELS) {
            int step = (int) Math.ceil(Math.sqrt((double) pixels / TILE_PIXELS));
            param.setSourceSubsampling(step, step, 0, 0);
        }
        read(reader, param);
    }

    private static void read(ImageReader reader, ImageReadParam param) throws IOException {
        if (reader.read(0, param) == null) {
            throw new IOException("no image data");
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
