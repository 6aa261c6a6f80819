package org.aqqua.catalog.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over a stream that is written once, front to back, such as an HTTP response: no
 * temporary file, no seeking. It counts the bytes it hands on, because Parquet records each column chunk's offset
 * from the start of the file in the footer. Parquet closes the stream after the footer; that flushes it and leaves
 * the underlying stream open for its owner.
 */
final class StreamOutputFile implements OutputFile {

    private final OutputStream out;
    private boolean created;

    StreamOutputFile(OutputStream out) {
        this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (created) {
            throw new IllegalStateException("A stream is written only once");
        }
        created = true;
        return new Counting(new BufferedOutputStream(out, 1 << 16));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    /** No file system blocks to align row groups to, so Parquet adds no padding. */
    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    private static final class Counting extends PositionOutputStream {

        private final OutputStream out;
        private long position;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
