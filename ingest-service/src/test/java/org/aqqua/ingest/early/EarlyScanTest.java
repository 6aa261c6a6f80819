package org.aqqua.ingest.early;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.aqqua.ingest.archive.InPlaceImages;
import org.aqqua.ingest.archive.ZipEntryId;
import org.aqqua.ingest.image.ImageProbe;
import org.aqqua.ingest.job.Bundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan that stores a zip's images while the upload arrives, over a real spool filled by another thread. */
class EarlyScanTest {

    @TempDir
    Path folder;

    /** What the scan PUT: the SHA-256 of each image, in order. */
    private final List<String> put = Collections.synchronizedList(new java.util.ArrayList<>());

    @Test
    void storesEveryImageOfAZipArrivingInPiecesUnderTheIdsItsCentralDirectoryGives() throws Exception {
        byte[] zip = Bundles.file("import_test.zip");
        EarlyScan scan = scanArriving(zip, 700, false);

        assertThat(scan.stored().keySet()).isEqualTo(imageIds(zip)).hasSize(8);
        assertThat(put).hasSize(8);
    }

    @Test
    void leavesToTheJobWhatItCannotStore() throws Exception {
        byte[] jpeg = Files.readAllBytes(Bundles.ECOTAXA.resolve(
                "import_test/m106_mn01_n2_sml/m106_mn01_n2_sml_1.jpg"));
        byte[] large = new byte[(int) InPlaceImages.MAX_BYTES + 1];
        new Random(3).nextBytes(large);
        byte[] zip = Bundles.zip("ecotaxa_a.tsv", "object_id\n[t]\n", "a.jpg", jpeg, "fake.png", "not an image".getBytes(),
                "large.png", large, "notes.txt", "x".getBytes());

        EarlyScan scan = scanArriving(zip, 4096, false);

        assertThat(scan.stored().keySet()).extracting(ZipEntryId::name).containsExactly("a.jpg");
    }

    /** Each stored image is kept on the heap until its job is done: an upload stores a bounded number. */
    @Test
    void storesNoMoreImagesThanItsLimitAndLeavesTheRestToTheJob() throws Exception {
        byte[] zip = Bundles.file("import_test.zip");
        EarlyScan scan = scanArriving(zip, 700, false, 3);

        assertThat(scan.stored()).hasSize(3);
        assertThat(imageIds(zip)).containsAll(scan.stored().keySet());
        assertThat(put).hasSize(3);
    }

    @Test
    void storesNothingFromAnArchiveThatIsNotAZip() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzip)) {
            out.write(Bundles.file("import_test.zip"));
        }
        assertThat(scanArriving(gzip.toByteArray(), 4096, false).stored()).isEmpty();
        assertThat(put).isEmpty();
    }

    @Test
    void endsWithWhatItStoredWhenTheUploadBreaksOff() throws Exception {
        byte[] zip = Bundles.file("import_test.zip");
        EarlyScan scan = scanArriving(zip, 700, true);

        assertThat(imageIds(zip)).containsAll(scan.stored().keySet());
        assertThat(scan.stored().size()).isLessThan(8);
    }

    /**
     * Runs a scan over a spool filled with {@code upload} in pieces of {@code piece} bytes; if {@code breakOff},
     * only the first half arrives and the upload then fails. Returns once the scan has ended.
     */
    private EarlyScan scanArriving(byte[] upload, int piece, boolean breakOff) throws Exception {
        return scanArriving(upload, piece, breakOff, Integer.MAX_VALUE);
    }

    private EarlyScan scanArriving(byte[] upload, int piece, boolean breakOff, int maxImages) throws Exception {
        UploadSpool spool = new UploadSpool(folder.resolve("spool-" + System.nanoTime()));
        EarlyScan scan = new EarlyScan(spool.reader(), new ImageProbe(), (content, probed) -> {
            put.add(probed.sha256());
            return CompletableFuture.completedFuture(null);
        }, new AtomicLong(), maxImages);
        Thread scanning = new Thread(scan);
        scanning.start();
        OutputStream writer = spool.writer();
        int end = breakOff ? upload.length / 2 : upload.length;
        for (int at = 0; at < end; at += piece) {
            writer.write(upload, at, Math.min(piece, end - at));
            Thread.sleep(1);
        }
        if (breakOff) {
            spool.fail();
        } else {
            spool.complete();
        }
        scanning.join(30_000);
        assertThat(scanning.isAlive()).as("the scan ended").isFalse();
        spool.close();
        return scan;
    }

    /** The ids of the image entries the job would look up: from the central directory. */
    private static Set<ZipEntryId> imageIds(byte[] zip) throws IOException {
        Set<ZipEntryId> ids = new HashSet<>();
        try (ZipFile file = ZipFile.builder().setByteArray(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                if (InPlaceImages.isImageName(entry.getName())) {
                    ids.add(new ZipEntryId(entry.getName(), entry.getCrc(), entry.getSize()));
                }
            }
        }
        return ids;
    }
}
