package org.aqqua.ingest.archive;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where an archive entry may be written: inside the target folder, and nowhere else (zip-slip). */
final class EntryPaths {

    private EntryPaths() {
    }

    static Path resolve(Path root, String entryName) throws ArchiveRefusedException {
        if (entryName.isEmpty() || entryName.startsWith("/") || entryName.startsWith("\\")
                || entryName.matches("^[A-Za-z]:.*")) {
            throw new ArchiveRefusedException(entryName, "absolute entry paths are not allowed in an archive");
        }
        Path resolved;
        try {
            resolved = root.resolve(entryName).normalize();
        } catch (InvalidPathException e) {
            throw new ArchiveRefusedException(entryName, "entry name is not a valid path: " + e.getReason());
        }
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new ArchiveRefusedException(entryName, "entry path leaves the archive's folder (zip-slip)");
        }
        return resolved;
    }

    /** Operating-system clutter that is never part of a bundle (macOS resource forks, Finder metadata). */
    static boolean isClutter(String entryName) {
        return entryName.startsWith("__MACOSX/") || entryName.contains("/__MACOSX/")
                || entryName.endsWith("/.DS_Store") || entryName.equals(".DS_Store");
    }
}
