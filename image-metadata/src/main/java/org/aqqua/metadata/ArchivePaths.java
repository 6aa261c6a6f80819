package org.aqqua.metadata;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Image paths written in a table, resolved against the table's folder inside the upload, as EcoTaxa does
 * ({@code sub1/20200205-111823_3.png} next to a UVP6 table). The result is normalised ({@code a/./b/../c} is
 * {@code a/c}) and must stay inside the upload: absolute paths, URLs and paths climbing above the root are
 * refused, where EcoTaxa would read any file of its server. Backslashes are folder separators, as Windows users
 * write them.
 */
public final class ArchivePaths {

    private static final Pattern DRIVE_OR_SCHEME = Pattern.compile("^([A-Za-z]:|[A-Za-z][A-Za-z0-9+.-]*://).*");

    private ArchivePaths() {
    }

    /** The folder of a file inside the upload ({@code a/b/t.csv} is {@code a/b}, {@code t.csv} is ""). */
    public static String folderOf(String file) {
        String path = file.replace('\\', '/');
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code written} resolved next to {@code tableFile}, or {@code null} (see {@link #resolve(String, String)}). */
    public static String resolveNextTo(String tableFile, String written) {
        return resolve(folderOf(tableFile), written);
    }

    /**
     * {@code written} resolved against {@code folder}, normalised, or {@code null} when it is absolute, a URL,
     * names no file, or leaves the upload.
     */
    public static String resolve(String folder, String written) {
        String path = written.strip().replace('\\', '/');
        if (path.isEmpty() || path.startsWith("/") || DRIVE_OR_SCHEME.matcher(path).matches()) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (folder.isEmpty() ? path : folder + "/" + path).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
