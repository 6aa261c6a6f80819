package org.aqqua.release.artefact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.aqqua.release.ReleaseClockTest;
import org.aqqua.release.scheduler.FlakyCatalogReleaser;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.ReleaseFiles;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What two replicas do to one dataset's artefacts at the same time, each step forced into the order that broke it:
 * both recording the dataset's first set, and one replica recording a rebuild while the other's release attempt is
 * under way. Whichever set ends up recorded, its files are all in the bucket and nothing else of the dataset is.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentBuildsTest extends ReleaseClockTest {

    static String owner;

    @Inject
    ReleaseArtefacts artefacts;

    @Inject
    FlakyCatalogReleaser catalogCalls;

    @Inject
    AgroalDataSource database;

    @Inject
    MinioClient s3;

    @BeforeAll
    static void tokens() {
        owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
    }

    @AfterEach
    void catalogAnswersAgain() {
        catalogCalls.reset();
    }

    @Test
    void twoReplicasRecordingADatasetsFirstSetAtOnceBothSucceedAndOneSetRemains() throws Exception {
        UUID dataset = CatalogFixtures.releasable(owner).images(1).create();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (Connection holder = database.getConnection()) {
            // An uncommitted set of the dataset holds both builds at the point of recording theirs, where each has
            // found no row to lock: without a lock of its own, each then inserts, and one fails on the key.
            holder.setAutoCommit(false);
            try (PreparedStatement insert = holder.prepareStatement("insert into release.artefact_set (dataset_id, "
                    + "prefix, release_instant, built_for_updated_at, built_at, image_count, files, attribution, doi, "
                    + "citation, schema_org) values (?, 'held/', now(), now(), now(), 0, '[]', '{}', '', '', '')")) {
                insert.setObject(1, dataset);
                insert.executeUpdate();
            }
            List<Future<Object>> builds = List.of(
                    replicas.submit(() -> build(dataset)), replicas.submit(() -> build(dataset)));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> backendsWaitingForALock() >= 2);
            holder.rollback();
            for (Future<Object> build : builds) {
                build.get(2, TimeUnit.MINUTES);
            }
        } finally {
            replicas.shutdownNow();
        }

        ArtefactSet recorded = recorded(dataset);
        assertThat(storedPrefixes(dataset)).containsExactly(recorded.prefix);
        assertThat(storedNames(recorded.prefix)).containsAll(recorded.files.stream().map(Artefact::name).toList());
    }

    @Test
    void aRebuildRecordedWhileTheReleaseIsUnderWayIsTheOnePublishedAndEveryFileOfItIsThere() throws Exception {
        UUID dataset = CatalogFixtures.releasable(owner).images(2).create();
        clock.set(INSTANT.plusSeconds(3));
        // The scheduler builds the dataset's artefacts, then, while its attempt calls the catalog, another replica
        // records a rebuild and deletes the first build's files. The release must publish the rebuild, not write
        // back the set it had read before.
        AtomicReference<String> rebuilt = new AtomicReference<>();
        catalogCalls.meanwhile(dataset, () -> {
            build(dataset);
            rebuilt.set(recorded(dataset).prefix);
        });

        assertThat(scheduler.runOnce().released()).contains(dataset);

        ArtefactSet published = recorded(dataset);
        assertThat(published.prefix).isEqualTo(rebuilt.get());
        assertThat(published.publishedAt).isNotNull();
        assertThat(storedPrefixes(dataset)).containsExactly(published.prefix);
        List<Map<String, Object>> files = given().when().get("/public/releases/datasets/{id}", dataset).then()
                .statusCode(200).extract().jsonPath().getList("files");
        assertThat(files).hasSameSizeAs(published.files);
        for (Map<String, Object> file : files) {
            assertThat(ReleaseFiles.download(given(), dataset, (String) file.get("name")).statusCode())
                    .as("download of %s", file.get("name")).isEqualTo(200);
        }
    }

    private Object build(UUID dataset) {
        try {
            artefacts.prepareLate(dataset, INSTANT);
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("Building the artefacts of " + dataset + " failed", e);
        }
    }

    private static ArtefactSet recorded(UUID dataset) {
        return QuarkusTransaction.requiringNew().call(() -> ArtefactSet.<ArtefactSet>findById(dataset));
    }

    private int backendsWaitingForALock() throws Exception {
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("select count(*) from pg_stat_activity "
                        + "where wait_event_type = 'Lock' and datname = current_database()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** The build prefixes ({@code datasets/<id>/<build>/}) that hold files of the dataset in the bucket. */
    private Set<String> storedPrefixes(UUID dataset) throws Exception {
        String datasetPrefix = "datasets/" + dataset + "/";
        Set<String> prefixes = new TreeSet<>();
        for (String key : keys(datasetPrefix)) {
            prefixes.add(key.substring(0, key.indexOf('/', datasetPrefix.length()) + 1));
        }
        return prefixes;
    }

    private Set<String> storedNames(String prefix) throws Exception {
        Set<String> names = new TreeSet<>();
        for (String key : keys(prefix)) {
            names.add(key.substring(prefix.length()));
        }
        return names;
    }

    private List<String> keys(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> listed : s3.listObjects(ListObjectsArgs.builder().bucket(ArtefactStore.BUCKET)
                .prefix(prefix).recursive(true).build())) {
            keys.add(listed.get().objectName());
        }
        return keys;
    }
}
