package org.aqqua.ingest.image;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks a PNG for everything a decoder could find wrong with it, without building its pixels: the chunk structure
 * and the CRC of every critical chunk (ImageIO's decoder checks no CRC), the header's values, and the image data
 * inflated whole, zlib's own checksum included, to the exact number of bytes the header calls for, every row with a
 * valid filter type. Left out is only what cannot fail: undoing the row filters and building pixels. In the ingest
 * benchmark's profile ImageIO's PNG decoder, even asked for one pixel, took a fifth of ingest's CPU; most of it in
 * that part, and in copying the stream into its cache.
 *
 * <p>Lenient where decoders are: ancillary chunks are skipped unchecked, and bytes after IEND are ignored.
 */
final class PngCheck {

    /** What the header says. */
    record Header(int width, int height) {
    }

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504C5445;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int BUFFER = 1 << 15;

    private final DataInputStream in;
    private final long maxPixels;
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[BUFFER];
    private final byte[] inflated = new byte[BUFFER];

    private PngCheck(InputStream in, long maxPixels) {
        this.in = new DataInputStream(in);
        this.maxPixels = maxPixels;
    }

    /**
     * Reads the PNG from {@code in} (positioned at its signature) to its IEND chunk. The pixel limit is checked from
     * the header, before any image data is inflated.
     *
     * @throws ImageRefusedException for more than {@code maxPixels} pixels
     * @throws IOException naming what is damaged or missing
     */
    static Header check(InputStream in, long maxPixels) throws IOException, ImageRefusedException {
        return new PngCheck(in, maxPixels).read();
    }

    private Header read() throws IOException, ImageRefusedException {
        try {
            if (in.readLong() != SIGNATURE) {
                throw new IOException("not a PNG signature");
            }
            Rows rows = null;
            Inflater inflater = null;
            boolean palette = false;
            boolean dataSeen = false;
            try {
                while (true) {
                    long length = in.readInt() & 0xFFFFFFFFL;
                    int type = in.readInt();
                    if (length > Integer.MAX_VALUE) {
                        throw new IOException("chunk length " + length + " out of range");
                    }
                    if (rows == null && type != IHDR) {
                        throw new IOException("the first chunk is not IHDR");
                    }
                    switch (type) {
                        case IHDR -> {
                            if (rows != null) {
                                throw new IOException("a second IHDR chunk");
                            }
                            rows = header(critical(type, (int) length));
                            if (rows.width * (long) rows.height > maxPixels) {
                                throw new ImageRefusedException("image is " + rows.width + "×" + rows.height
                                        + " px, over the limit of 20000×20000 px");
                            }
                        }
                        case PLTE -> {
                            critical(type, (int) length);
                            palette = true;
                        }
                        case IDAT -> {
                            if (rows.colourType == 3 && !palette) {
                                throw new IOException("a palette image without a PLTE chunk");
                            }
                            if (inflater == null) {
                                inflater = new Inflater();
                            } else if (!dataSeen) {
                                throw new IOException("IDAT chunks are not consecutive");
                            }
                            dataSeen = true;
                            imageData(type, (int) length, inflater, rows);
                        }
                        case IEND -> {
                            critical(type, (int) length);
                            if (inflater == null) {
                                throw new IOException("no image data (IDAT)");
                            }
                            if (!rows.complete()) {
                                throw new IOException("the image data end early: " + rows.missing()
                                        + " byte(s) of rows missing");
                            }
                            if (!inflater.finished()) {
                                throw new IOException("the image data's zlib stream is cut off");
                            }
                            return new Header(rows.width, rows.height);
                        }
                        default -> {
                            if (inflater != null) {
                                dataSeen = false; // another chunk: an IDAT after it is out of place
                            }
                            if (Character.isUpperCase((char) (type >>> 24))) {
                                critical(type, (int) length); // unknown critical chunk: its CRC at least
                            } else {
                                in.skipNBytes(length + 4); // ancillary: skipped with its CRC
                            }
                        }
                    }
                }
            } finally {
                if (inflater != null) {
                    inflater.end();
                }
            }
        } catch (EOFException e) {
            throw new IOException("the file is cut off");
        }
    }

    /** A whole critical chunk's data (at most the buffer: IHDR, PLTE, IEND and the like), its CRC checked. */
    private byte[] critical(int type, int length) throws IOException {
        if (length > BUFFER) {
            throw new IOException("chunk " + name(type) + " of " + length + " bytes");
        }
        in.readFully(chunk, 0, length);
        startCrc(type);
        crc.update(chunk, 0, length);
        checkCrc(type);
        byte[] data = new byte[length];
        System.arraycopy(chunk, 0, data, 0, length);
        return data;
    }

    private void imageData(int type, int length, Inflater inflater, Rows rows) throws IOException {
        startCrc(type);
        int left = length;
        while (left > 0) {
            int n = Math.min(left, BUFFER);
            in.readFully(chunk, 0, n);
            crc.update(chunk, 0, n);
            left -= n;
            if (inflater.finished()) {
                continue; // data after the end of the zlib stream: ignored, as decoders do
            }
            inflater.setInput(chunk, 0, n);
            try {
                while (!inflater.needsInput() && !inflater.finished()) {
                    int out = inflater.inflate(inflated);
                    if (out == 0) {
                        if (inflater.needsDictionary()) {
                            throw new IOException("the image data ask for a zlib dictionary");
                        }
                        break;
                    }
                    rows.consume(inflated, out);
                }
            } catch (DataFormatException e) {
                throw new IOException("damaged image data: " + e.getMessage());
            }
        }
        checkCrc(type);
    }

    /** A chunk's CRC covers its type and its data. */
    private void startCrc(int type) {
        crc.reset();
        crc.update(type >>> 24);
        crc.update(type >>> 16);
        crc.update(type >>> 8);
        crc.update(type);
    }

    private void checkCrc(int type) throws IOException {
        if ((int) crc.getValue() != in.readInt()) {
            throw new IOException("damaged " + name(type) + " chunk: its CRC does not match");
        }
    }

    private static Rows header(byte[] data) throws IOException {
        if (data.length != 13) {
            throw new IOException("IHDR of " + data.length + " bytes, not 13");
        }
        int width = readInt(data, 0);
        int height = readInt(data, 4);
        int depth = data[8];
        int colourType = data[9];
        if (width <= 0 || height <= 0) {
            throw new IOException("image size " + width + "×" + height);
        }
        int channels = switch (colourType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16 ? 1 : -1;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 ? 1 : -1;
            case 2 -> depth == 8 || depth == 16 ? 3 : -1;
            case 4 -> depth == 8 || depth == 16 ? 2 : -1;
            case 6 -> depth == 8 || depth == 16 ? 4 : -1;
            default -> -1;
        };
        if (channels < 0) {
            throw new IOException("bit depth " + depth + " with colour type " + colourType);
        }
        if (data[10] != 0 || data[11] != 0 || (data[12] != 0 && data[12] != 1)) {
            throw new IOException("unknown compression, filter or interlace method");
        }
        return new Rows(width, height, colourType, channels * depth, data[12] == 1);
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
    }

    private static String name(int type) {
        return new String(new char[] {(char) (type >>> 24 & 0xFF), (char) (type >>> 16 & 0xFF),
                (char) (type >>> 8 & 0xFF), (char) (type & 0xFF)});
    }

    /**
     * The rows the inflated data must hold: one pass, or Adam7's seven (some empty for small images), each row a
     * filter-type byte (0 to 4) and the row's bytes.
     */
    private static final class Rows {
        private static final int[] X_START = {0, 4, 0, 2, 0, 1, 0};
        private static final int[] Y_START = {0, 0, 4, 0, 2, 0, 1};
        private static final int[] X_STEP = {8, 8, 4, 4, 2, 2, 1};
        private static final int[] Y_STEP = {8, 8, 8, 4, 4, 2, 2};

        final int width;
        final int height;
        final int colourType;
        private final long[] rowLength;
        private final long[] rowCount;
        private int pass;
        private long row;
        private long inRow;
        private long expected;
        private long seen;

        Rows(int width, int height, int colourType, int bitsPerPixel, boolean interlaced) {
            this.width = width;
            this.height = height;
            this.colourType = colourType;
            int passes = interlaced ? 7 : 1;
            rowLength = new long[passes];
            rowCount = new long[passes];
            for (int p = 0; p < passes; p++) {
                long passWidth = interlaced ? Math.max(0, (width - X_START[p] + X_STEP[p] - 1) / X_STEP[p]) : width;
                long passHeight = interlaced ? Math.max(0, (height - Y_START[p] + Y_STEP[p] - 1) / Y_STEP[p])
                        : height;
                rowLength[p] = 1 + (passWidth * bitsPerPixel + 7) / 8;
                rowCount[p] = passWidth == 0 ? 0 : passHeight;
                expected += rowLength[p] * rowCount[p];
            }
            skipEmptyPasses();
        }

        void consume(byte[] data, int length) throws IOException {
            int at = 0;
            while (at < length && pass < rowCount.length) {
                if (inRow == 0 && (data[at] & 0xFF) > 4) {
                    throw new IOException("row " + (row + 1) + (rowCount.length > 1 ? " of pass " + (pass + 1) : "")
                            + " has filter type " + (data[at] & 0xFF));
                }
                long take = Math.min(length - at, rowLength[pass] - inRow);
                inRow += take;
                at += (int) take;
                seen += take;
                if (inRow == rowLength[pass]) {
                    inRow = 0;
                    row++;
                    if (row == rowCount[pass]) {
                        pass++;
                        row = 0;
                        skipEmptyPasses();
                    }
                }
            }
            // Inflated bytes beyond the last row are ignored, as decoders do.
        }

        private void skipEmptyPasses() {
            while (pass < rowCount.length && rowCount[pass] == 0) {
                pass++;
            }
        }

        boolean complete() {
            return pass == rowCount.length;
        }

        long missing() {
            return expected - seen;
        }
    }
}
