package org.aqqua.ingest.image;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image input over bytes already in memory. ImageIO's own choice for a byte stream, a
 * {@code MemoryCacheImageInputStream}, copies the bytes into blocks of its own and registers a cleaner for each
 * image; with tens of thousands of small images per job that was about 15 % of the time spent decoding.
 */
final class ByteArrayImageInput extends ImageInputStreamImpl {

    private final byte[] bytes;

    ByteArrayImageInput(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, length, buffer.length);
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, buffer, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }

    /**
     * Nothing to release. Overridden empty, as the JDK's own memory-cached stream does, so that instances are not
     * queued for finalization (the superclass's finalize closes the stream).
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
    }
}
