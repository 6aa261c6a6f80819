package org.aqqua.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * One zip whose images stay in it, seen at a folder of the tree: the archive itself at the root, or a nested
 * {@code *Images.zip} at the folder of its name. Which entries stay is decided by {@link #keepsInPlace}, both
 * when unpacking (those are not written) and when looking up (only those are found here), so no list of them is
 * kept: the zip's own central directory answers.
 */
final class ZipMount implements AutoCloseable {

    record Found(ZipMount mount, ZipArchiveEntry entry) {
    }

    private final Path folder;
    private final ZipFile zip;
    /** File entries, by the path they resolve to, whose names are not that path ("./a.png", "a//b.png"): rare. */
    private final Map<String, String> aliases = new HashMap<>();

    ZipMount(Path folder, ZipFile zip) {
        this.folder = folder;
        this.zip = zip;
    }

    Path folder() {
        return folder;
    }

    /** An image entry small enough to read whole, in a form this zip can read: everything else is unpacked. */
    static boolean keepsInPlace(ZipFile zip, ZipArchiveEntry entry) {
        return !entry.isDirectory() && InPlaceImages.isImageName(entry.getName())
                && entry.getSize() >= 0 && entry.getSize() <= InPlaceImages.MAX_BYTES && zip.canReadEntryData(entry);
    }

    /**
     * Notes that a file entry of this zip, kept in place or written out, stands for the path it resolves to; false
     * if another entry already does or will ({@code a//b.png} and {@code a/b.png}), which one a row means being
     * unknowable. Names that differ from their path are rare: only they are remembered.
     */
    boolean standsFor(ZipArchiveEntry entry, Path resolved) {
        String canonical = relative(resolved);
        if (aliases.containsKey(canonical)) {
            return false;
        }
        if (canonical.equals(entry.getName())) {
            return true;
        }
        if (zip.getEntry(canonical) != null) {
            return false;
        }
        aliases.put(canonical, entry.getName());
        return true;
    }

    Optional<Found> find(Path file) {
        String name = relative(file);
        ZipArchiveEntry entry = zip.getEntry(aliases.getOrDefault(name, name));
        return entry != null && keepsInPlace(zip, entry) ? Optional.of(new Found(this, entry)) : Optional.empty();
    }

    /**
     * Reads one entry whole. Serialised per zip: reads are short (an image of at most a megabyte), and the zip's
     * channel is then never shared by two readers.
     */
    synchronized byte[] read(ZipArchiveEntry entry) throws IOException {
        int size = (int) entry.getSize();
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
            // One byte more than declared is read to catch an entry that inflates past its size (a lying bomb).
            content = in.readNBytes(size + 1);
        }
        if (content.length != size) {
            throw new IOException("corrupt zip entry " + entry.getName() + ": it holds "
                    + (content.length > size ? "more" : "fewer") + " bytes than the " + size + " its zip declares");
        }
        return content;
    }

    private String relative(Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
