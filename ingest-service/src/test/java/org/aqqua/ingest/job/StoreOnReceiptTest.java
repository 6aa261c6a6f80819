package org.aqqua.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.MinioClient;
import io.minio.errors.ServerException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.aqqua.ingest.early.EarlyStoring;
import org.aqqua.ingest.job.ArchiveIngestTest.GeneratedTable;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogServiceResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A direct upload's images are stored while the upload is still arriving, and its job takes them over instead of
 * storing them again; an upload that is not accepted, or whose job fails, leaves none of them behind. Each upload
 * here holds back the end of its zip (the central directory) until the images before it are stored, so that what
 * happens on receipt is certain, not a matter of timing.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class StoreOnReceiptTest {

    /**
     * Random bytes after the images: staging reads the body in 16 KB blocks, so the last bytes before the held
     * point reach the spool only once a block is full.
     */
    private static final byte[] PADDING = new byte[64 * 1024];

    static {
        new java.util.Random(11).nextBytes(PADDING);
    }

    @Inject
    EarlyStoring early;

    @Inject
    MinioClient s3;

    @BeforeAll
    static void tokens() {
        ArchiveIngestTest.tokens();
    }

    @Test
    void imagesStoredWhileTheUploadArrivesAreTakenOverByItsJob() throws Exception {
        GeneratedTable table = ArchiveIngestTest.generatedTable(30, -1);
        long stored = early.storedOnReceipt();
        long takenOver = early.takenOver();

        UUID dataset = ArchiveIngestTest.newDataset();
        HttpResponse<String> response = send(dataset, new HeldBackEnd(table.archive(),
                () -> early.storedOnReceipt() >= stored + 30, false), true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonPath job = ArchiveIngestTest.finished(UUID.fromString(JsonPath.from(response.body()).getString("id")));

        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(30);
        assertThat(early.storedOnReceipt() - stored).isEqualTo(30);
        assertThat(early.takenOver() - takenOver).as("images the job did not store again").isEqualTo(30);
        assertThat(ArchiveIngestTest.catalogCount(dataset)).isEqualTo(30);
        for (String digest : table.digests()) {
            assertThat(exists(digest)).as("object %s", digest).isTrue();
        }
    }

    /** All-or-nothing and a bad last row: the images stored on receipt are removed with the job's own. */
    @Test
    void imagesStoredOnReceiptAreRemovedWhenTheJobFails() throws Exception {
        GeneratedTable table = ArchiveIngestTest.generatedTable(30, 29);
        long stored = early.storedOnReceipt();

        HttpResponse<String> response = send(ArchiveIngestTest.newDataset(), new HeldBackEnd(table.archive(),
                () -> early.storedOnReceipt() >= stored + 30, false), false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonPath job = ArchiveIngestTest.finished(UUID.fromString(JsonPath.from(response.body()).getString("id")));

        assertThat(job.getString("state")).isEqualTo("failed");
        assertThat(early.storedOnReceipt() - stored).isEqualTo(30);
        for (String digest : table.digests()) {
            assertThat(exists(digest)).as("object %s", digest).isFalse();
        }
    }

    /**
     * The client breaks off before the end, of a body of declared length (staged in one PUT) or not (staged in
     * parts): nothing is accepted, and what was stored meanwhile is removed.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void anUploadThatBreaksOffLeavesNoImagesBehind(boolean lengthDeclared) throws Exception {
        GeneratedTable table = ArchiveIngestTest.generatedTable(30, -1);
        long stored = early.storedOnReceipt();
        UUID dataset = ArchiveIngestTest.newDataset();

        try {
            HttpResponse<String> response = send(dataset, new HeldBackEnd(table.archive(),
                    () -> early.storedOnReceipt() >= stored + 30, true), lengthDeclared);
            assertThat(response.statusCode()).as("an upload that broke off").isNotEqualTo(202);
        } catch (IOException brokenOff) {
            // what the client sees of its own failure
        }

        assertThat(early.storedOnReceipt() - stored).isEqualTo(30);
        // s3proxy may answer 500 to a HEAD of an object it is deleting at that moment: asked again.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ServerException.class).untilAsserted(() -> {
            for (String digest : table.digests()) {
                assertThat(exists(digest)).as("object %s", digest).isFalse();
            }
        });
        assertThat(io.restassured.RestAssured.given().auth().oauth2(ArchiveIngestTest.provider)
                .queryParam("datasetId", dataset).get("/api/jobs").then().statusCode(200).extract().jsonPath()
                .getList("$")).as("jobs of the dataset").isEmpty();
    }

    /** POSTs {@code body} with its length declared (Content-Length) or of unknown length (chunked). */
    private static HttpResponse<String> send(UUID dataset, HeldBackEnd body, boolean lengthDeclared)
            throws Exception {
        return ArchiveIngestTest.uploadStream(dataset, () -> body, lengthDeclared ? body.length() : -1);
    }

    private boolean exists(String key) throws Exception {
        return ArchiveIngestTest.objectExists(s3, key);
    }

    /**
     * A zip sent up to its central directory (every entry's data is then sent), then held until {@code ready} (at
     * most 30 s), then finished or, if {@code breakOff}, failed.
     */
    private static final class HeldBackEnd extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int length;
        private final int headLength;
        private final BooleanSupplier ready;
        private final boolean breakOff;
        private int sent;

        HeldBackEnd(byte[] zip, BooleanSupplier ready, boolean breakOff) {
            zip = padded(zip);
            this.bytes = new ByteArrayInputStream(zip);
            this.length = zip.length;
            // The end-of-central-directory record (no comment: the last 22 bytes) gives where the directory starts.
            this.headLength = ByteBuffer.wrap(zip, zip.length - 22, 22).order(ByteOrder.LITTLE_ENDIAN)
                    .getInt(zip.length - 22 + 16);
            this.ready = ready;
            this.breakOff = breakOff;
        }

        int length() {
            return length;
        }

        private static byte[] padded(byte[] zip) {
            try {
                return Bundles.zip(Bundles.withEntry(zip, "padding.bin", PADDING));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent == headLength) {
                await().atMost(Duration.ofSeconds(30)).until(ready::getAsBoolean);
                if (breakOff) {
                    throw new IOException("the client broke off");
                }
            }
            int limit = sent < headLength ? Math.min(length, headLength - sent) : length;
            int n = bytes.read(buffer, offset, limit);
            if (n > 0) {
                sent += n;
            }
            return n;
        }
    }
}
