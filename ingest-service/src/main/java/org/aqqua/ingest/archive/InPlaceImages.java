package org.aqqua.ingest.archive;

import java.util.Locale;
import java.util.Set;

/**
 * Which zip entries are images read in place, not unpacked: one rule for unpacking, for looking a row's image up,
 * and for storing images while an upload is still being received, so that all three agree on every entry.
 */
public final class InPlaceImages {

    /** Images up to this size are read into memory from the zip; larger ones are unpacked to disk. */
    public static final long MAX_BYTES = 1024 * 1024;

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp");

    private InPlaceImages() {
    }

    /** A file entry named as an image (by extension), not operating-system clutter. */
    public static boolean isImageName(String entryName) {
        int dot = entryName.lastIndexOf('.');
        return !entryName.endsWith("/") && !EntryPaths.isClutter(entryName) && dot > entryName.lastIndexOf('/')
                && EXTENSIONS.contains(entryName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
