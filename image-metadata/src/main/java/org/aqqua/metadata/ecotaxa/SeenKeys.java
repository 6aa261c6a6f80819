package org.aqqua.metadata.ecotaxa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The (object, image) pairs of a table already seen, with their line, to find duplicates in tables of millions
 * of rows: each pair is kept as 128 bits of its SHA-256 (20 to 55 bytes per row), not as text. Two different
 * pairs sharing 128 bits is not a practical concern.
 */
final class SeenKeys {

    private final MessageDigest sha256;
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] lines = new int[1024];
    private int size;

    SeenKeys() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The line the key was first seen on, or 0 when it is new (then it is recorded with {@code line} ≥ 1). */
    int firstLine(String key, int line) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        long h = digest.getLong();
        long l = digest.getLong();
        int slot = find(h, l);
        if (lines[slot] != 0) {
            return lines[slot];
        }
        high[slot] = h;
        low[slot] = l;
        lines[slot] = line;
        if (++size * 4 > lines.length * 3) {
            grow();
        }
        return 0;
    }

    private int find(long h, long l) {
        int mask = lines.length - 1;
        int slot = (int) (l ^ (l >>> 32)) & mask;
        while (lines[slot] != 0 && (high[slot] != h || low[slot] != l)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldLines = lines;
        high = new long[oldLines.length * 2];
        low = new long[oldLines.length * 2];
        lines = new int[oldLines.length * 2];
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != 0) {
                int slot = find(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
