package org.aqqua.ingest.image;

/** A file that cannot be an AqQua image: not an image, an unsupported format, corrupt, or too large. */
public class ImageRefusedException extends Exception {

    public ImageRefusedException(String reason) {
        super(reason);
    }

    public ImageRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
