package org.aqqua.upload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How an archive of {@code size} bytes is cut into parts of {@code partSize} (the service decides the part size;
 * the last part is shorter). Part numbers run from 1, as in S3.
 */
public record PartPlan(long size, long partSize, int partCount) {

    /** S3's limit on parts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;

    public record Part(int number, long offset, long length) {
    }

    public PartPlan {
        if (size <= 0 || partSize <= 0) {
            throw new IllegalArgumentException("size and part size must be positive");
        }
        if (partCount != count(size, partSize) || partCount > MAX_PARTS) {
            throw new IllegalArgumentException("the service announced " + partCount + " parts of " + partSize
                    + " bytes for " + size + " bytes; expected " + count(size, partSize));
        }
    }

    public static int count(long size, long partSize) {
        return (int) ((size + partSize - 1) / partSize);
    }

    public Part part(int number) {
        if (number < 1 || number > partCount) {
            throw new IllegalArgumentException("part " + number + " is not between 1 and " + partCount);
        }
        long offset = (number - 1) * partSize;
        return new Part(number, offset, Math.min(partSize, size - offset));
    }

    /** The parts not in {@code received}, in order. */
    public List<Part> missing(Collection<Integer> received) {
        List<Part> parts = new ArrayList<>();
        for (int n = 1; n <= partCount; n++) {
            if (!received.contains(n)) {
                parts.add(part(n));
            }
        }
        return parts;
    }

    /** Bytes of the parts in {@code received}. */
    public long bytesOf(Collection<Integer> received) {
        return received.stream().filter(n -> n >= 1 && n <= partCount).mapToLong(n -> part(n).length()).sum();
    }
}
