package org.aqqua.ingest.archive;

/**
 * An archive we will not unpack, with the entry at fault (or {@code null} for the archive as a whole) and a reason
 * a provider can act on. Nothing unpacked from it is used.
 */
public class ArchiveRefusedException extends Exception {

    private final String entry;

    public ArchiveRefusedException(String entry, String reason) {
        super(reason);
        this.entry = entry;
    }

    public ArchiveRefusedException(String entry, String reason, Throwable cause) {
        super(reason, cause);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
