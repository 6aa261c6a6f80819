package org.aqqua.ingest.job;

import java.nio.file.Path;

/**
 * What a {@link SourceReader} fetched: an archive file to unpack or a folder tree to read as it is, with the bytes
 * read from the source and, for a single archive, its SHA-256 (recorded on the job for the report).
 */
public record Fetched(Path path, boolean archive, long bytes, String sha256) {

    public static Fetched archive(Path file, long bytes, String sha256) {
        return new Fetched(file, true, bytes, sha256);
    }

    public static Fetched tree(Path root, long bytes) {
        return new Fetched(root, false, bytes, null);
    }
}
