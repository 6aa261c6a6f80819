package org.aqqua.ingest.image;

import java.util.Optional;

/** Image formats AqQua stores, told by their magic bytes (a {@code .png} name proves nothing). */
public enum ImageFormat {
    PNG("png", "image/png"), JPEG("jpeg", "image/jpeg"), GIF("gif", "image/gif"), TIFF("tiff", "image/tiff"),
    BMP("bmp", "image/bmp");

    static final int MAGIC_BYTES = 8;

    private final String imageIoName;
    private final String mediaType;

    ImageFormat(String imageIoName, String mediaType) {
        this.imageIoName = imageIoName;
        this.mediaType = mediaType;
    }

    /** The name the catalog records and ImageIO knows the format by. */
    public String wireName() {
        return imageIoName;
    }

    public String mediaType() {
        return mediaType;
    }

    static Optional<ImageFormat> detect(byte[] head, int length) {
        if (length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of(PNG);
        }
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return Optional.of(GIF);
        }
        if (length >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42)) {
            return Optional.of(TIFF);
        }
        if (length >= 2 && head[0] == 'B' && head[1] == 'M') {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }
}
