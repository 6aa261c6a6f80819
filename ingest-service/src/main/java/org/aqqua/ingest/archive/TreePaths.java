package org.aqqua.ingest.archive;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The folders of a job's tree, made as its entries are placed: each folder once, however many entries it holds,
 * and an entry whose folder would take the name of a file already placed is refused naming the entry (a zip, a
 * tar or an S3 prefix may hold both {@code sample} and {@code sample/ecotaxa_a.tsv}; a file system cannot).
 *
 * <p>Once per folder, not per entry: {@link Files#createDirectories} on a folder that exists fails a mkdir and
 * throws and catches an exception, two thirds of the CPU of unpacking a 50,000-image zip in a profile of
 * bench/ingest. Used by one thread at a time, like the tree it fills.
 */
public final class TreeFolders {

    private final String source;
    private final Set<Path> made = new HashSet<>();

    /** @param source what the entries come from, as a refusal names it: "archive", "import" */
    public TreeFolders(String source) {
        this.source = source;
    }

    /** Makes the folder and its parents unless made already; refuses {@code entry} if a file has its name. */
    public void make(Path folder, String entry) throws IOException, ArchiveRefusedException {
        if (made.contains(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new ArchiveRefusedException(entry, "its folder has the name of a file of the " + source);
        }
        made.add(folder);
    }
}
