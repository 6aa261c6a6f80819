package org.aqqua.ingest.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The paths of a job's tree, taken as its entries are placed: folders made once each, files created new. A zip, a
 * tar or an S3 prefix may hold what a file system cannot: a file and a folder of one name ({@code sample} and
 * {@code sample/ecotaxa_a.tsv}), or two entries of one path (a name twice, as appending to a zip can leave, or
 * names that differ only in "//" and "./"), where which one a row means cannot be told and tools disagree on
 * which they take. Each is refused naming the entry.
 *
 * <p>Folders once each, not once per entry: {@link Files#createDirectories} on a folder that exists fails a mkdir
 * and throws and catches an exception, two thirds of the CPU of unpacking a 50,000-image zip in a profile of
 * bench/ingest. Used by one thread at a time, like the tree it fills.
 */
public final class TreePaths {

    private final String source;
    private final String samePath;
    private final Set<Path> folders = new HashSet<>();

    /**
     * @param source what the entries come from, as a refusal names it: "archive", "import"
     * @param samePath the reason given for an entry whose path another entry has taken
     */
    public TreePaths(String source, String samePath) {
        this.source = source;
        this.samePath = samePath;
    }

    /** Makes the folder and its parents unless made already; refuses {@code entry} if a file has its name. */
    public void folder(Path folder, String entry) throws IOException, ArchiveRefusedException {
        if (folders.contains(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new ArchiveRefusedException(entry, "its folder has the name of a file of the " + source);
        }
        folders.add(folder);
    }

    /**
     * Creates the entry's file, open for writing (one open, not a create and then an open: a tar writes every
     * entry); refuses {@code entry} if a file or a folder of the tree has its path.
     */
    public OutputStream file(Path file, String entry) throws IOException, ArchiveRefusedException {
        try {
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ArchiveRefusedException(entry, Files.isDirectory(file)
                    ? "it has the name of a folder of the " + source : samePath);
        }
    }

    /** Refuses {@code entry}, whose path another entry has taken (found without the file system). */
    public ArchiveRefusedException samePath(String entry) {
        return new ArchiveRefusedException(entry, samePath);
    }
}
