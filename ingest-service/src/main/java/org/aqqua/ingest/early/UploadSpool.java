package org.aqqua.ingest.early;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The local copy of an upload as it arrives: written by the request thread, readable by another thread while it
 * grows. A reader at the end of what has arrived waits for more, until the upload is complete (end of stream) or
 * has failed (an error).
 */
final class UploadSpool implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private long written;
    private boolean complete;
    private boolean failed;

    UploadSpool(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
    }

    Path file() {
        return file;
    }

    /** Where the request's bytes are copied as they are read from it. */
    OutputStream writer() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                append(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    private void append(ByteBuffer bytes) throws IOException {
        long at;
        synchronized (this) {
            at = written;
        }
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        synchronized (this) {
            written = at;
            notifyAll();
        }
    }

    /** Every byte has arrived: readers see the end of the stream. */
    synchronized void complete() {
        complete = true;
        notifyAll();
    }

    /** The upload broke off: readers get an error instead of waiting. */
    synchronized void fail() {
        failed = true;
        notifyAll();
    }

    synchronized long bytes() {
        return written;
    }

    synchronized boolean isComplete() {
        return complete && !failed;
    }

    /** The spool from its first byte, following it as it grows. */
    InputStream reader() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                long available = awaitBeyond(position);
                if (available <= position) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, available - position)),
                        position);
                position += n;
                return n;
            }
        };
    }

    /** Waits until bytes beyond {@code position} have arrived or the upload ended; returns the bytes arrived. */
    private synchronized long awaitBeyond(long position) throws IOException {
        while (written <= position && !complete && !failed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while waiting for the upload");
            }
        }
        if (failed) {
            throw new IOException("the upload broke off");
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
