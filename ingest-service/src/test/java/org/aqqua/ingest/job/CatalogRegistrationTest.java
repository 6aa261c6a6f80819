package org.aqqua.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aqqua.catalog.client.CatalogImage;
import org.aqqua.catalog.client.CatalogImages;
import org.aqqua.catalog.client.CatalogImagesApi;
import org.aqqua.catalog.client.RegistrationResult;
import org.aqqua.catalog.client.StagedRegistration;
import org.aqqua.runtime.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a job's registration goes to the catalog: parts sent by several senders at once, the first refused part
 * reported, and a registration not committed aborted. The catalog's side (staging, commit) is tested in the catalog
 * against PostgreSQL; here its API answers from memory, so that the order in which parts arrive can be steered.
 */
class CatalogRegistrationTest {

    private static final UUID DATASET = UUID.randomUUID();
    private static final UUID REGISTRATION = UUID.randomUUID();

    @TempDir
    Path work;

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @Test
    void partsAreSentTwoAtATimeAndCommittedWithEveryLine() throws Exception {
        CountDownLatch twoInFlight = new CountDownLatch(2);
        RecordingApi api = new RecordingApi() {
            @Override
            void onStage(long firstLine) throws InterruptedException {
                twoInFlight.countDown();
                if (!twoInFlight.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("part " + firstLine + " was sent alone");
                }
            }
        };
        try (CatalogRegistration registration = registration(api)) {
            for (int line = 1; line <= 4; line++) {
                registration.write(image(line));
            }
            RegistrationResult result = registration.commit();
            assertThat(result.registered()).isEqualTo(4);
        }
        assertThat(api.stagedFirstLines).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(api.committedLines).isEqualTo(4);
        assertThat(api.aborted).isFalse();
    }

    @Test
    void theFirstRefusedPartIsReportedAndTheRegistrationAborted() throws Exception {
        CountDownLatch thirdRefused = new CountDownLatch(1);
        RecordingApi api = new RecordingApi() {
            @Override
            void onStage(long firstLine) throws InterruptedException {
                if (firstLine == 3) {
                    thirdRefused.countDown();
                    throw refusal(firstLine);
                }
                if (firstLine == 2) {
                    // Refused after part 3 was: the report still names part 2, the first in the list.
                    thirdRefused.await(20, TimeUnit.SECONDS);
                    throw refusal(firstLine);
                }
            }
        };
        try (CatalogRegistration registration = registration(api)) {
            for (int line = 1; line <= 4; line++) {
                registration.write(image(line));
            }
            assertThatThrownBy(registration::commit).isInstanceOfSatisfying(ProblemException.class,
                    refused -> assertThat(refused.problem().detail()).isEqualTo("line 2 refused"));
        }
        assertThat(api.committedLines).isNull();
        assertThat(api.aborted).isTrue();
    }

    private CatalogRegistration registration(RecordingApi api) throws IOException {
        // Parts of one line each: every write sends one.
        return new CatalogRegistration(work.resolve("registration"), mapper, new CatalogImages(api), DATASET, 1, 2);
    }

    private static CatalogImage image(int line) {
        String sha = String.format("%064x", line);
        return new CatalogImage("object-" + line, sha, "images/" + sha, 100, 10, 10, "png", 1.0, 10.0, 20.0, 5.0,
                null, null, Instant.parse("2024-05-01T10:00:00Z"), "uvp6", null, null, null, null, null);
    }

    private static WebApplicationException refusal(long firstLine) {
        return new WebApplicationException("line " + firstLine + " refused", Response.status(422).build());
    }

    /**
     * The catalog's internal image API, answered from memory. Abstract, each test's part anonymous: Quarkus takes a
     * concrete class of the test sources that implements this {@code @Path} interface for a REST resource and a bean,
     * and every {@code @QuarkusTest} of the module then fails to start (tried in session 20).
     */
    private abstract static class RecordingApi implements CatalogImagesApi {

        final Set<Long> stagedFirstLines = ConcurrentHashMap.newKeySet();
        volatile Long committedLines;
        volatile boolean aborted;

        abstract void onStage(long firstLine) throws InterruptedException;

        @Override
        public StagedRegistration start(UUID datasetId) {
            return new StagedRegistration(REGISTRATION, 0);
        }

        @Override
        public StagedRegistration stage(UUID datasetId, UUID registration, long firstLine, File part) {
            try {
                assertThat(Files.readAllLines(part.toPath())).hasSize(1);
                onStage(firstLine);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            stagedFirstLines.add(firstLine);
            return new StagedRegistration(registration, stagedFirstLines.size());
        }

        @Override
        public RegistrationResult commit(UUID datasetId, UUID registration, long lines) {
            committedLines = lines;
            return new RegistrationResult(lines, lines, 0);
        }

        @Override
        public void abort(UUID datasetId, UUID registration) {
            aborted = true;
        }

        @Override
        public List<String> referenced(List<String> sha256s) {
            return List.of();
        }
    }
}
