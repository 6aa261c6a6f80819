package org.aqqua.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.aqqua.metadata.RowProblem;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogServiceResource;
import org.junit.jupiter.api.Test;

/**
 * A report reads file by file and line by line, whatever order the problems were found in: images are decoded in
 * parallel, so a broken image on line 7 may be found after a missing id on line 8, and two runs of the same
 * archive must still give the same report.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class JobProblemsTest {

    @Inject
    DataSource dataSource;

    @Inject
    JobProblems problems;

    @Test
    void reportIsInFileAndLineOrderWhateverTheOrderFound() throws Exception {
        UUID jobId = newJob();
        ProblemLog log = new ProblemLog(jobId, dataSource, 100);
        RowProblem missingId = RowProblem.ofField("b.tsv", 8, "object_id", null, "Missing object_id.");
        RowProblem missingImage = RowProblem.ofField("b.tsv", 8, "img_file_name", "nada.png", "Missing Image.");
        RowProblem brokenImage = RowProblem.ofField("b.tsv", 7, "img_file_name", "x.jpg", "not an image");
        RowProblem header = RowProblem.ofField("b.tsv", 1, "nounderscorecol", "NoUnderscoreCol", "Invalid Header");
        RowProblem wholeArchive = new RowProblem(null, null, null, null, "Nothing relevant to import");
        RowProblem otherTable = RowProblem.ofField("a.tsv", 3, "object_lat", "100", "out of range");
        for (RowProblem found : List.of(missingId, missingImage, brokenImage, header, wholeArchive, otherTable)) {
            log.add(found);
        }
        log.flush();

        List<RowProblem> expected = List.of(wholeArchive, otherTable, header, brokenImage, missingId, missingImage);
        assertThat(problems.page(jobId, 0, 100)).containsExactlyElementsOf(expected);
        assertThat(problems.page(jobId, 2, 3)).containsExactlyElementsOf(expected.subList(2, 5));
        List<RowProblem> streamed = new ArrayList<>();
        problems.forEach(jobId, streamed::add);
        assertThat(streamed).containsExactlyElementsOf(expected);
        assertThat(streamed.get(0).line()).as("a problem with no line keeps none").isNull();
    }

    private UUID newJob() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into job (id, dataset_id, "
                        + "submitter_subject, policy, state, source_bucket, source_key, archive_bytes, created_at) "
                        + "values (?, ?, 'tester', 'all-or-nothing', 'failed', 'aqqua-uploads', 'k', 1, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }
        return id;
    }
}
