package org.aqqua.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * EcoTaxa import bundles of realistic regions of interest, written straight to a stream (a 50,000-image bundle is
 * never in memory): grey plankton-like blobs on a noisy background, 5–50 KB each, as PNG or JPEG, in sample
 * folders of at most {@code imagesPerSample}, each with its {@code ecotaxa_<sample>.tsv} (type row included).
 * Every image is different (the seed and the image number), so content addressing stores each once.
 */
public final class EcotaxaBundleGenerator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final long seed;
    private final int imagesPerSample;

    public EcotaxaBundleGenerator(long seed, int imagesPerSample) {
        this.seed = seed;
        this.imagesPerSample = imagesPerSample;
    }

    /** Writes a zip of {@code images} images to {@code out}; returns the bytes of image data written. */
    public long writeZip(int images, OutputStream out) throws IOException {
        long imageBytes = 0;
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(1);
        Random random = new Random(seed);
        for (int first = 0; first < images; first += imagesPerSample) {
            String sample = "sample_" + seed + "_" + first / imagesPerSample;
            StringBuilder tsv = new StringBuilder("object_id\timg_file_name\tobject_lat\tobject_lon\tobject_date\t"
                    + "object_time\tobject_depth_min\tobject_depth_max\tprocess_id\tprocess_pixel\tacq_id\tacq_instrument\t"
                    + "object_annotation_category\tobject_annotation_status\tobject_area\tsample_id\n"
                    + "[t]\t[t]\t[f]\t[f]\t[t]\t[t]\t[f]\t[f]\t[t]\t[f]\t[t]\t[t]\t[t]\t[t]\t[f]\t[t]\n");
            double lat = -70 + random.nextDouble() * 140;
            double lon = -180 + random.nextDouble() * 360;
            LocalDateTime start = LocalDateTime.of(2005, 1, 1, 0, 0).plusMinutes(random.nextInt(20 * 365 * 1440));
            for (int i = first; i < Math.min(images, first + imagesPerSample); i++) {
                boolean jpeg = random.nextInt(4) == 0;
                String name = "roi_" + i + (jpeg ? ".jpg" : ".png");
                byte[] image = roi(random, jpeg);
                imageBytes += image.length;
                zip.putNextEntry(new ZipEntry(sample + "/" + name));
                zip.write(image);
                zip.closeEntry();
                LocalDateTime at = start.plusSeconds(i - first);
                double depth = random.nextInt(2000) / 4.0;
                boolean labelled = random.nextInt(10) < 3;
                tsv.append("obj_").append(seed).append('_').append(i).append('\t').append(name).append('\t')
                        .append(String.format("%.5f", lat)).append('\t').append(String.format("%.5f", lon))
                        .append('\t').append(at.format(DATE)).append('\t').append(at.format(TIME)).append('\t')
                        .append(depth).append('\t').append(depth + 0.5).append("\tprocess_").append(sample).append("\t10.6\tacq_")
                        .append(sample).append("\tUVP6\t")
                        .append(labelled ? "Copepoda" : "").append('\t').append(labelled ? "validated" : "")
                        .append('\t').append(100 + random.nextInt(5000)).append('\t').append(sample).append('\n');
            }
            zip.putNextEntry(new ZipEntry(sample + "/ecotaxa_" + sample + ".tsv"));
            zip.write(tsv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
        return imageBytes;
    }

    /** A grey blob on a noisy dark background, 90–260 px a side: 5–50 KB as PNG. */
    static byte[] roi(Random random, boolean jpeg) {
        int width = 90 + random.nextInt(170);
        int height = 90 + random.nextInt(170);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        double cx = width / 2.0;
        double cy = height / 2.0;
        double rx = width * (0.2 + random.nextDouble() * 0.25);
        double ry = height * (0.2 + random.nextDouble() * 0.25);
        int body = 120 + random.nextInt(100);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = Math.pow((x - cx) / rx, 2) + Math.pow((y - cy) / ry, 2);
                int value = d < 1 ? body - (int) (d * 60) + random.nextInt(24) : 8 + random.nextInt(12);
                image.getRaster().setSample(x, y, 0, Math.min(255, value));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, jpeg ? "jpeg" : "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
