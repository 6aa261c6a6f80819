package org.aqqua.ingest.image;

/** An image file that decoded cleanly: what the catalog records of it, and its content address. */
public record ProbedImage(ImageFormat format, int width, int height, long bytes, String sha256) {
}
