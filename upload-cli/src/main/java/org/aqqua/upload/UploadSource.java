package org.aqqua.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What is uploaded: a file as it is, or a folder packed as a tar on the fly. Its exact size is known before the
 * upload starts and any byte range can be read again, so a part is regenerated (never kept in memory) when it is
 * sent, retried or resumed by a later run.
 */
public interface UploadSource {

    /** The archive's name as the service will know it. */
    String fileName();

    long size();

    /** Changes when the file or any file of the folder changes (names, sizes, modification times). */
    String fingerprint();

    /** The bytes {@code [offset, offset + length)}; fails when the source changed underneath. */
    InputStream open(long offset, long length) throws IOException;

    static UploadSource of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return TarFolderSource.of(path);
        }
        if (Files.isRegularFile(path)) {
            return FileSource.of(path);
        }
        throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or folder");
    }
}
