package org.aqqua.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An archive file uploaded as it is. */
final class FileSource implements UploadSource {

    private final Path file;
    private final long size;
    private final String fingerprint;

    private FileSource(Path file, long size, String fingerprint) {
        this.file = file;
        this.size = size;
        this.fingerprint = fingerprint;
    }

    static FileSource of(Path file) throws IOException {
        Path real = file.toRealPath();
        long size = Files.size(real);
        if (size == 0) {
            throw new IOException(file + " is empty");
        }
        String fingerprint = Fingerprint.of("file", real.getFileName().toString(), size,
                Files.getLastModifiedTime(real).toMillis());
        return new FileSource(real, size, fingerprint);
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        if (channel.size() != size) {
            channel.close();
            throw new IOException(file + " changed size since the upload started");
        }
        channel.position(offset);
        return new RangeInputStream(Channels.newInputStream(channel), length, file.toString());
    }

    /** Exactly {@code length} bytes of the stream; a stream that ends early means the file changed. */
    static final class RangeInputStream extends InputStream {

        private final InputStream in;
        private final String what;
        private long left;

        RangeInputStream(InputStream in, long length, String what) {
            this.in = in;
            this.left = length;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException(what + " ended early: it changed since the upload started");
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
