package org.aqqua.ingest.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A job's data as a folder tree: tables, IFCB bins and large files on scratch disk under {@link #root()}, and the
 * images of zip archives left where they are and read from the zip when their row needs them. Writing tens of
 * thousands of small images to disk only to read each back once cost as much as storing them; a zip's central
 * directory already is the index a file system would be. Paths are the same either way: an image at
 * {@code sample_1/a.png} in the zip is {@code root/sample_1/a.png} here, on disk or not.
 */
public final class UnpackedArchive implements AutoCloseable {

    private final Path root;
    private final List<ZipMount> mounts;
    private final long unpackedBytes;

    UnpackedArchive(Path root, List<ZipMount> mounts, long unpackedBytes) {
        this.root = root;
        this.mounts = new ArrayList<>(mounts);
        // Deepest first: an image in b_Images.zip/ belongs to that nested zip, not to the outer one.
        this.mounts.sort(Comparator.comparingInt((ZipMount mount) -> mount.folder().getNameCount()).reversed());
        this.unpackedBytes = unpackedBytes;
    }

    /** A folder tree that is all on disk (a landing prefix copied down, a tar unpacked). */
    public static UnpackedArchive onDisk(Path root) {
        return new UnpackedArchive(root, List.of(), 0);
    }

    /** The tree's folder (a real path); every file of the tree is named under it. */
    public Path root() {
        return root;
    }

    /** Bytes the archive unpacks to, images read in place included (as their zip declares them). */
    public long unpackedBytes() {
        return unpackedBytes;
    }

    /** Whether the archive is still read from: it must stay until the job is done with the tree. */
    public boolean readsInPlace() {
        return !mounts.isEmpty();
    }

    /** A file of the tree: on disk, or an entry read from its zip. */
    public static final class TreeFile {

        private final Path path;
        private final ZipMount.Found inZip;
        private final boolean inOuterZip;

        private TreeFile(Path path, ZipMount.Found inZip, boolean inOuterZip) {
            this.path = path;
            this.inZip = inZip;
            this.inOuterZip = inOuterZip;
        }

        /** Where the file is named in the tree; on disk only when not {@link #inZip()}. */
        public Path path() {
            return path;
        }

        /** Whether the content is read from the zip ({@link #readFromZip()}) rather than from {@link #path()}. */
        public boolean inZip() {
            return inZip != null;
        }

        /** The size its zip declares for it; 0 for a file on disk. */
        public long zipSize() {
            return inZip == null ? 0 : inZip.entry().getSize();
        }

        /**
         * The entry of the archive itself (not of a zip nested in it) this file is read from, as the zip records
         * it; empty for a file on disk or in a nested zip.
         */
        public Optional<ZipEntryId> outerZipEntry() {
            return inOuterZip ? Optional.of(new ZipEntryId(inZip.entry().getName(), inZip.entry().getCrc(),
                    inZip.entry().getSize())) : Optional.empty();
        }

        /** The whole content of a file kept in its zip; an entry that inflates to other than its size is corrupt. */
        public byte[] readFromZip() throws IOException {
            if (inZip == null) {
                throw new IllegalStateException(path + " is on disk, not in a zip");
            }
            return inZip.mount().read(inZip.entry());
        }
    }

    /**
     * The file at {@code file} (absolute, normalised), on disk or in its zip, or empty if the tree has none: one
     * lookup, whose answer says where the content is read from.
     */
    public Optional<TreeFile> find(Path file) {
        // java.io.File's check: Files.isRegularFile (Java 17) throws and catches an exception for every file that is
        // not on disk, which is every image left in its zip, once per row.
        if (file.toFile().isFile()) {
            return Optional.of(new TreeFile(file, null, false));
        }
        return inPlace(file).map(found -> new TreeFile(file, found, found.mount().folder().equals(root)));
    }

    /** Whether {@code file} (absolute, normalised) is a file of the tree, on disk or in its zip. */
    public boolean isFile(Path file) {
        return find(file).isPresent();
    }

    private Optional<ZipMount.Found> inPlace(Path file) {
        for (ZipMount mount : mounts) {
            if (file.startsWith(mount.folder())) {
                return mount.find(file);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ZipMount mount : mounts) {
            try {
                mount.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
