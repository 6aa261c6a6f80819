package org.aqqua.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A folder as an uncompressed POSIX tar, generated on the fly and never held in memory: its layout (where each
 * entry's header and content start) is computed from a listing first, so the exact size is known before the
 * upload opens and any byte range can be generated again for a retried or resumed part. Entries are the folder's
 * regular files in path order, named relative to the folder, with their modification time (whole seconds) and
 * no owner names, so the same folder always packs to the same bytes. Memory: about 100 bytes per file.
 */
public final class TarFolderSource implements UploadSource {

    static final int RECORD = 512;
    /** Two zero records end a tar. */
    static final int TRAILER = 2 * RECORD;

    private final Path root;
    private final String[] names;
    private final long[] sizes;
    private final long[] mtimes;
    private final long[] starts;
    private final int[] headerLengths;
    private final long size;
    private final String fingerprint;

    private TarFolderSource(Path root, String[] names, long[] sizes, long[] mtimes) {
        this.root = root;
        this.names = names;
        this.sizes = sizes;
        this.mtimes = mtimes;
        this.starts = new long[names.length];
        this.headerLengths = new int[names.length];
        Fingerprint fingerprint = new Fingerprint().add("tar").add(root.getFileName());
        long offset = 0;
        for (int i = 0; i < names.length; i++) {
            starts[i] = offset;
            headerLengths[i] = header(names[i], sizes[i], mtimes[i]).length;
            offset += headerLengths[i] + padded(sizes[i]);
            fingerprint.add(names[i]).add(sizes[i]).add(mtimes[i]);
        }
        this.size = offset + TRAILER;
        this.fingerprint = fingerprint.hex();
    }

    /** Lists the folder's regular files (links to files followed, links to folders not) and lays out the tar. */
    public static TarFolderSource of(Path folder) throws IOException {
        Path root = folder.toRealPath();
        List<String> names = new ArrayList<>();
        LongList sizes = new LongList();
        LongList mtimes = new LongList();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                BasicFileAttributes target = attrs.isSymbolicLink()
                        ? Files.readAttributes(file, BasicFileAttributes.class) : attrs;
                if (target.isRegularFile()) {
                    StringBuilder name = new StringBuilder();
                    for (Path part : root.relativize(file)) {
                        name.append(name.length() == 0 ? "" : "/").append(part);
                    }
                    names.add(name.toString());
                    sizes.add(target.size());
                    mtimes.add(target.lastModifiedTime().toMillis() / 1000);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (names.isEmpty()) {
            throw new IOException(folder + " holds no files");
        }
        Integer[] order = new Integer[names.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
        String[] sortedNames = new String[order.length];
        long[] sortedSizes = new long[order.length];
        long[] sortedMtimes = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedNames[i] = names.get(order[i]);
            sortedSizes[i] = sizes.get(order[i]);
            sortedMtimes[i] = mtimes.get(order[i]);
        }
        return new TarFolderSource(root, sortedNames, sortedSizes, sortedMtimes);
    }

    @Override
    public String fileName() {
        return root.getFileName() == null ? "folder.tar" : root.getFileName() + ".tar";
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    public int fileCount() {
        return names.length;
    }

    @Override
    public InputStream open(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside 0.." + size);
        }
        return new RangeStream(offset, offset + length);
    }

    /** The entry as this source writes it: a plain file, mode 644, no owner, mtime in whole seconds. */
    public static TarArchiveEntry entry(String name, long size, long mtimeSeconds) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setModTime(FileTime.fromMillis(mtimeSeconds * 1000));
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setIds(0, 0);
        return entry;
    }

    /** A tar writer set up as this source writes: records of 512 bytes, PAX headers for long names and sizes. */
    public static TarArchiveOutputStream writer(java.io.OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, RECORD, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    /** The header record(s) of one entry, PAX extension included: exactly what a tar writer puts before it. */
    static byte[] header(String name, long size, long mtimeSeconds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(RECORD * 3);
        try {
            TarArchiveOutputStream tar = writer(bytes);
            tar.putArchiveEntry(entry(name, size, mtimeSeconds));
            tar.flush();
            // Not closed: the entry's content is not written here, the header is all we want.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static long padded(long size) {
        return (size + RECORD - 1) / RECORD * RECORD;
    }

    /** Reads the tar's bytes {@code [pos, end)}: headers regenerated, contents read from the files, zero padding. */
    private final class RangeStream extends InputStream {

        private long pos;
        private final long end;
        private int entry;
        private byte[] header;
        private int headerEntry = -1;
        private InputStream content;
        private int contentEntry = -1;
        private long contentPos;

        RangeStream(long pos, long end) {
            this.pos = pos;
            this.end = end;
            int found = Arrays.binarySearch(starts, pos);
            this.entry = found >= 0 ? found : Math.max(0, -found - 2);
        }

        private long entryEnd(int i) {
            return i + 1 < starts.length ? starts[i + 1] : size - TRAILER;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (entry < starts.length && pos >= entryEnd(entry)) {
                entry++;
            }
            int n;
            if (entry >= starts.length) {
                n = (int) Math.min(len, end - pos);
                Arrays.fill(b, off, off + n, (byte) 0);
            } else {
                long dataStart = starts[entry] + headerLengths[entry];
                long dataEnd = dataStart + sizes[entry];
                if (pos < dataStart) {
                    if (headerEntry != entry) {
                        header = header(names[entry], sizes[entry], mtimes[entry]);
                        headerEntry = entry;
                    }
                    n = (int) Math.min(len, Math.min(dataStart, end) - pos);
                    System.arraycopy(header, (int) (pos - starts[entry]), b, off, n);
                } else if (pos < dataEnd) {
                    long within = pos - dataStart;
                    if (contentEntry != entry || contentPos != within) {
                        openContent(within);
                    }
                    int want = (int) Math.min(len, Math.min(dataEnd, end) - pos);
                    n = content.read(b, off, want);
                    if (n < 0) {
                        throw changed();
                    }
                    contentPos += n;
                } else {
                    n = (int) Math.min(len, Math.min(entryEnd(entry), end) - pos);
                    Arrays.fill(b, off, off + n, (byte) 0);
                }
            }
            pos += n;
            return n;
        }

        private void openContent(long within) throws IOException {
            closeContent();
            Path file = root.resolve(names[entry]);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            if (channel.size() != sizes[entry]) {
                channel.close();
                throw changed();
            }
            channel.position(within);
            content = Channels.newInputStream(channel);
            contentEntry = entry;
            contentPos = within;
        }

        private IOException changed() {
            return new IOException(root.resolve(names[entry]) + " changed since the folder was listed");
        }

        private void closeContent() throws IOException {
            if (content != null) {
                content.close();
                content = null;
                contentEntry = -1;
            }
        }

        @Override
        public void close() throws IOException {
            closeContent();
        }
    }

    /** A growable list of longs, so that a listing of a million files does not box two million Longs. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long get(int i) {
            return values[i];
        }
    }
}
