package org.aqqua.ingest.archive;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;

/** Archive limits for tests that unpack or copy a tree outside Quarkus, where no configuration is mapped. */
public final class Limits {

    /** Large enough for every archive the unit tests make. */
    public static final ArchiveLimits GENEROUS = of(1L << 30, 10_000, 200, 3);

    private Limits() {
    }

    public static ArchiveLimits of(long totalBytes, int entries, int ratio, int depth) {
        return new ArchiveLimits() {
            public MemorySize maxTotalSize() {
                return new MemorySize(BigInteger.valueOf(totalBytes));
            }

            public int maxEntries() {
                return entries;
            }

            public int maxCompressionRatio() {
                return ratio;
            }

            public int maxNestingDepth() {
                return depth;
            }
        };
    }
}
