package org.aqqua.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * The limits of one archive being unpacked, spent as entries are written: entry count, total bytes and the
 * compression ratio, each checked while copying so a bomb is stopped after at most one buffer too many.
 */
final class UnpackBudget {

    /** Below this, ratios say nothing (a 200-byte text file compresses well and harms no one). */
    private static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private final ArchiveLimits limits;
    private long entries;
    private long totalBytes;

    UnpackBudget(ArchiveLimits limits) {
        this.limits = limits;
    }

    void countEntry(String entry) throws ArchiveRefusedException {
        if (++entries > limits.maxEntries()) {
            throw new ArchiveRefusedException(entry, "the archive holds more than " + limits.maxEntries()
                    + " entries (aqqua.ingest.archive.max-entries)");
        }
    }

    long totalBytes() {
        return totalBytes;
    }

    /**
     * Copies one entry, refusing it once the archive's total or the ratio of written bytes to packed bytes
     * (as {@code packedBytes} reports them so far) passes its limit.
     */
    long copy(String entry, InputStream in, OutputStream out, LongSupplier packedBytes)
            throws IOException, ArchiveRefusedException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            written += n;
            spend(entry, n, written, packedBytes.getAsLong());
            out.write(buffer, 0, n);
        }
        return written;
    }

    /**
     * Spends an entry left in its zip at the size the zip declares; reading it later gives exactly that many
     * bytes or fails ({@link ZipMount#read}), so a declared size cannot hide a bomb.
     */
    void reserve(String entry, long size, long packedBytes) throws ArchiveRefusedException {
        spend(entry, size, size, packedBytes);
    }

    private void spend(String entry, long bytes, long entryBytes, long packedBytes) throws ArchiveRefusedException {
        totalBytes += bytes;
        if (totalBytes > limits.maxTotalSize().asLongValue()) {
            throw new ArchiveRefusedException(entry, "the archive unpacks to more than "
                    + limits.maxTotalSize().asLongValue() + " bytes (aqqua.ingest.archive.max-total-size)");
        }
        long packed = Math.max(1, packedBytes);
        if (entryBytes > RATIO_FLOOR_BYTES && entryBytes / packed > limits.maxCompressionRatio()) {
            throw new ArchiveRefusedException(entry, "compression ratio over " + limits.maxCompressionRatio()
                    + ":1 — this looks like a zip bomb (aqqua.ingest.archive.max-compression-ratio)");
        }
    }
}
