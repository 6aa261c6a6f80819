package org.aqqua.ingest.archive;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Unpacks an uploaded archive (zip, tar, gzip-compressed tar) into a folder, refusing anything hostile: entries
 * outside the folder, links, encrypted entries, bombs, archives nested too deep, and truncated or corrupt data.
 * Zips inside the archive (UVP6 bundles carry {@code *Images.zip}) are unpacked in place: their entries appear
 * under a folder with the zip's own name, so {@code b_da_19_Images.zip/ecotaxa_b_da_19.tsv} is how a report
 * names the table inside. Images of a zip are not written out: they are read from the zip when needed
 * ({@link UnpackedArchive}).
 */
@ApplicationScoped
public class ArchiveExtractor {

    private final ArchiveLimits limits;

    public ArchiveExtractor(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks {@code archive} into {@code target} (created if needed), leaving the images of zips in place
     * ({@link UnpackedArchive}); {@code packedBytesRead} hears how far into the archive the reading is, for
     * progress. The archive file must stay until the returned tree is closed when it
     * {@link UnpackedArchive#readsInPlace() reads in place}.
     */
    public UnpackedArchive extract(Path archive, Path target, LongConsumer packedBytesRead)
            throws IOException, ArchiveRefusedException {
        return extract(archive, target, packedBytesRead, true);
    }

    /** Unpacks everything to disk: for an archive that is itself part of a larger tree (a landing prefix). */
    public void extractAll(Path archive, Path target) throws IOException, ArchiveRefusedException {
        extract(archive, target, bytes -> { }, false).close();
    }

    private UnpackedArchive extract(Path archive, Path target, LongConsumer packedBytesRead, boolean imagesInPlace)
            throws IOException, ArchiveRefusedException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        ArchiveFormat format;
        try (InputStream in = Files.newInputStream(archive)) {
            format = ArchiveFormat.detect(in).orElseThrow(() -> new ArchiveRefusedException(null,
                    "not a zip, tar or gzip-compressed tar archive (checked from its first bytes)"));
        }
        Unpacking unpacking = new Unpacking(new UnpackBudget(limits), imagesInPlace, new ArrayList<>(),
                new TreePaths("archive", "another entry of the archive has the same path"));
        try {
            switch (format) {
                case ZIP -> unzip(archive, root, unpacking, 0, packedBytesRead);
                case TAR, GZIP -> untar(archive, format, root, unpacking, packedBytesRead);
            }
        } catch (IOException | ArchiveRefusedException | RuntimeException e) {
            new UnpackedArchive(root, unpacking.mounts(), 0).close();
            throw e;
        }
        return new UnpackedArchive(root, unpacking.mounts(), unpacking.budget().totalBytes());
    }

    /**
     * One archive being unpacked: its limits, whether zip images stay in place, the zips they stay in, and the
     * paths taken so far.
     */
    private record Unpacking(UnpackBudget budget, boolean imagesInPlace, List<ZipMount> mounts,
            TreePaths paths) {
    }

    /** Whether the zip holds more than one entry of this exact name. */
    private static boolean holdsTwice(ZipFile file, String name) {
        Iterator<ZipArchiveEntry> same = file.getEntries(name).iterator();
        if (same.hasNext()) {
            same.next();
        }
        return same.hasNext();
    }

    /** Unpacks one zip into {@code root}; returns whether it keeps images in place (and so must stay). */
    private boolean unzip(Path zip, Path root, Unpacking unpacking, int depth, LongConsumer progress)
            throws IOException, ArchiveRefusedException {
        UnpackBudget budget = unpacking.budget();
        ZipFile file;
        try {
            file = ZipFile.builder().setPath(zip).get();
        } catch (IOException e) {
            throw new ArchiveRefusedException(depth == 0 ? null : root.getFileName().toString(),
                    "truncated or corrupt zip archive: " + e.getMessage(), e);
        }
        ZipMount mount = new ZipMount(root, file);
        boolean keptAny = false;
        try {
            Enumeration<ZipArchiveEntry> entries = file.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                String name = entry.getName();
                budget.countEntry(name);
                if (EntryPaths.isClutter(name)) {
                    continue;
                }
                Path path = EntryPaths.resolve(root, name);
                if (entry.isUnixSymlink()) {
                    throw new ArchiveRefusedException(name, "symbolic links are not allowed in an archive");
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new ArchiveRefusedException(name, "encrypted zip entries cannot be read; upload the "
                            + "archive without a password");
                }
                if (entry.isDirectory()) {
                    unpacking.paths().folder(path, name);
                    continue;
                }
                unpacking.paths().folder(path.getParent(), name);
                if (holdsTwice(file, name) || !mount.standsFor(entry, path)) {
                    throw unpacking.paths().samePath(name);
                }
                long packed = entry.getCompressedSize() < 0 ? 1 : entry.getCompressedSize();
                if (unpacking.imagesInPlace() && ZipMount.keepsInPlace(file, entry)) {
                    budget.reserve(name, entry.getSize(), packed);
                    keptAny = true;
                } else {
                    try (InputStream in = file.getInputStream(entry);
                            OutputStream out = unpacking.paths().file(path, name)) {
                        budget.copy(name, in, out, () -> packed);
                    } catch (UnsupportedZipFeatureException e) {
                        throw new ArchiveRefusedException(name, "unsupported zip feature: " + e.getMessage(), e);
                    } catch (EOFException e) {
                        throw new ArchiveRefusedException(name, "truncated zip entry", e);
                    } catch (IOException e) {
                        throw new ArchiveRefusedException(name, "corrupt zip entry: " + e.getMessage(), e);
                    }
                }
                if (depth == 0) {
                    progress.accept(entry.getDataOffset() + packed);
                }
                if (isZip(name)) {
                    unzipNested(path, name, unpacking, depth + 1, progress);
                }
            }
            return keptAny;
        } finally {
            if (keptAny) {
                unpacking.mounts().add(mount);
            } else {
                file.close();
            }
        }
    }

    /**
     * Replaces a nested zip file by a folder of the same name holding its entries; the zip itself is kept beside
     * it (as {@code name.packed}) while its images are read from it.
     */
    private void unzipNested(Path zip, String name, Unpacking unpacking, int depth, LongConsumer progress)
            throws IOException, ArchiveRefusedException {
        if (depth > limits.maxNestingDepth()) {
            throw new ArchiveRefusedException(name, "archives nested more than " + limits.maxNestingDepth()
                    + " deep (aqqua.ingest.archive.max-nesting-depth)");
        }
        Path packed = zip.resolveSibling(zip.getFileName() + ".packed");
        Files.move(zip, packed);
        Path folder = Files.createDirectories(zip).toRealPath();
        boolean readInPlace = false;
        try {
            readInPlace = unzip(packed, folder, unpacking, depth, progress);
        } catch (ArchiveRefusedException e) {
            throw e.entry() == null || e.entry().equals(folder.getFileName().toString())
                    ? new ArchiveRefusedException(name, e.getMessage(), e)
                    : new ArchiveRefusedException(name + "/" + e.entry(), e.getMessage(), e);
        } finally {
            if (!readInPlace) {
                Files.deleteIfExists(packed);
            }
        }
    }

    private void untar(Path archive, ArchiveFormat format, Path root, Unpacking unpacking, LongConsumer progress)
            throws IOException, ArchiveRefusedException {
        UnpackBudget budget = unpacking.budget();
        try (InputStream file = Files.newInputStream(archive);
                BoundedInputStream counted = BoundedInputStream.builder().setInputStream(file).get();
                InputStream raw = format == ArchiveFormat.GZIP
                        ? new BufferedInputStream(new GzipCompressorInputStream(new BufferedInputStream(counted), true))
                        : new BufferedInputStream(counted);
                TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            if (format == ArchiveFormat.GZIP) {
                requireTarInside(raw);
            }
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar)) != null) {
                String name = entry.getName();
                budget.countEntry(name);
                if (EntryPaths.isClutter(name)) {
                    continue;
                }
                Path path = EntryPaths.resolve(root, name);
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new ArchiveRefusedException(name, (entry.isLink() ? "hard" : "symbolic")
                            + " links are not allowed in an archive");
                }
                if (entry.isDirectory()) {
                    unpacking.paths().folder(path, name);
                    continue;
                }
                if (!entry.isFile()) {
                    throw new ArchiveRefusedException(name, "only files and folders are allowed in an archive");
                }
                unpacking.paths().folder(path.getParent(), name);
                try (OutputStream out = unpacking.paths().file(path, name)) {
                    budget.copy(name, tar, out, counted::getCount);
                } catch (EOFException e) {
                    throw new ArchiveRefusedException(name, "truncated archive: the data ends inside this entry", e);
                } catch (IOException e) {
                    throw new ArchiveRefusedException(name, "corrupt archive: " + e.getMessage(), e);
                }
                progress.accept(counted.getCount());
                if (isZip(name)) {
                    unzipNested(path, name, unpacking, 1, bytes -> { });
                }
            }
        }
    }

    /** A gzip stream is accepted only as a compressed tar: {@code tar.gz} is the format, not any gzip file. */
    private static void requireTarInside(InputStream decompressed) throws IOException, ArchiveRefusedException {
        decompressed.mark(ArchiveFormat.HEAD_BYTES);
        byte[] head = decompressed.readNBytes(ArchiveFormat.HEAD_BYTES);
        decompressed.reset();
        if (ArchiveFormat.detect(head, head.length).filter(f -> f == ArchiveFormat.TAR).isEmpty()) {
            throw new ArchiveRefusedException(null, "a gzip upload must be a compressed tar archive (.tar.gz)");
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws ArchiveRefusedException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new ArchiveRefusedException(null, "truncated or corrupt tar archive: " + e.getMessage(), e);
        }
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
