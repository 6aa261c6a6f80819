package org.aqqua.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Archive formats AqQua takes, told apart by their first bytes, never by a name or a Content-Type. */
public enum ArchiveFormat {
    ZIP, TAR, GZIP;

    /** Enough of the head of a file to recognise all three (tar's magic sits at offset 257). */
    public static final int HEAD_BYTES = 512;

    public static Optional<ArchiveFormat> detect(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return Optional.of(ZIP);
        }
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of(GZIP);
        }
        if (length >= 262 && "ustar".equals(new String(Arrays.copyOfRange(head, 257, 262), StandardCharsets.US_ASCII))) {
            return Optional.of(TAR);
        }
        return Optional.empty();
    }

    public static Optional<ArchiveFormat> detect(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD_BYTES);
        return detect(head, head.length);
    }
}
