package org.aqqua.ingest.landing;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.aqqua.ingest.archive.ArchiveRefusedException;

/**
 * How keys under a landing prefix become files of the job's folder tree: the key less the prefix, kept inside the
 * tree (S3 keys may hold "..", which must not reach outside), and which of them are archives to unpack.
 */
final class LandingPaths {

    private LandingPaths() {
    }

    /** The prefix as a folder: no leading "/", one trailing "/"; empty when it names no folder at all. */
    static Optional<String> folder(String prefix) {
        String stripped = prefix.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped + "/");
    }

    /** The key's path below the prefix, e.g. {@code m106_mn01_n1_sml/ecotaxa_m106_mn01_n1_sml.tsv}. */
    static String relative(String prefix, String key) {
        return key.substring(prefix.length());
    }

    /** Where an object goes in the tree; a key that would leave it refuses the whole import, like zip-slip. */
    static Path inTree(Path tree, String relative) throws ArchiveRefusedException {
        try {
            Path resolved = tree.resolve(relative).normalize();
            if (relative.startsWith("/") || !resolved.startsWith(tree) || resolved.equals(tree)) {
                throw new ArchiveRefusedException(relative, "object name leaves the import's folder");
            }
            return resolved;
        } catch (InvalidPathException e) {
            throw new ArchiveRefusedException(relative, "object name is not a valid path: " + e.getReason());
        }
    }

    /** Archives are unpacked where they lie: zip (UVP6 {@code *Images.zip} too), tar and gzip-compressed tar. */
    static boolean isArchive(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }
}
