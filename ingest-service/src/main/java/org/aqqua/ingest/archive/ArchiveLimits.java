package org.aqqua.ingest.archive;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What an uploaded archive may unpack to. Each limit is checked on the bytes actually written, never on the sizes
 * an archive claims in its headers, so a zip bomb is stopped however it lies.
 */
@ConfigMapping(prefix = "aqqua.ingest.archive")
public interface ArchiveLimits {

    /** Everything unpacked from one archive, nested archives included. */
    @WithDefault("200G")
    MemorySize maxTotalSize();

    @WithDefault("2000000")
    int maxEntries();

    /** Unpacked to packed bytes of one entry (zip) or of the whole stream (tar.gz); images hardly compress. */
    @WithDefault("200")
    int maxCompressionRatio();

    /** How deep archives may sit inside archives (a UVP6 bundle's {@code *Images.zip} is depth 1). */
    @WithDefault("3")
    int maxNestingDepth();
}
