package org.aqqua.ingest.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aqqua.metadata.RowProblem;

/**
 * A job as its submitter sees it: where it is, how far it got, what it found. Problems are paged; the whole
 * report is at {@code report}.
 */
public record JobView(
        UUID id,
        UUID datasetId,
        JobState state,
        JobPolicy policy,
        Source source,
        Archive archive,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Progress progress,
        Counts counts,
        String failure,
        Problems problems,
        String report) {

    /** Where the data came from: the kind, and the landing bucket and prefix or the EcoTaxa project. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(SourceKind kind, String bucket, String prefix, Long ecotaxaProjectId) {
        static Source of(Job job) {
            // A staged archive's location is internal to the service: only a landing prefix is the caller's.
            return job.sourceKind == SourceKind.LANDING
                    ? new Source(job.sourceKind, job.sourceBucket, job.sourceKey, null)
                    : new Source(job.sourceKind, null, null, job.ecotaxaProjectId);
        }
    }

    /** What the job read: the name shown for its source, its size in bytes and (one archive) its SHA-256. */
    public record Archive(String name, long bytes, String sha256) {
    }

    /** How far the job got: archive bytes read, rows checked, images stored, rows registered. */
    public record Progress(long bytesRead, long archiveBytes, long rowsChecked, long imagesStored,
            long rowsRegistered) {
    }

    /**
     * What the job found: rows valid and invalid, images stored, images and rows the dataset already held (an
     * archive uploaded twice registers nothing the second time), problems found.
     */
    public record Counts(long rows, long validRows, long invalidRows, long imagesStored, long registered,
            long alreadyRegistered, long problems) {
    }

    public record Problems(long total, int offset, int limit, List<RowProblem> items) {
    }

    /** The 202 answer to a request that queued {@code job}, pointing at where to follow it. */
    public static Response accepted(Job job, UriInfo uriInfo) {
        return Response.accepted(queued(job)).location(uriInfo.getBaseUriBuilder().path("api/jobs/{id}")
                .build(job.id)).build();
    }

    /** A job just queued: no progress and no problems yet. */
    public static JobView queued(Job job) {
        return of(job, new Problems(0, 0, 0, List.of()));
    }

    static JobView of(Job job, Problems problems) {
        return new JobView(job.id, job.datasetId, job.state, job.policy, Source.of(job),
                new Archive(job.sourceName, job.archiveBytes, job.archiveSha256), job.createdAt, job.startedAt,
                job.finishedAt,
                new Progress(job.bytesRead, job.archiveBytes, job.rowsChecked, job.imagesStored, job.rowsRegistered),
                new Counts(job.rowsChecked, job.rowsValid, job.rowsInvalid, job.imagesStored, job.rowsRegistered,
                        job.rowsAlreadyHeld, job.problemCount),
                job.failure, problems, "/api/jobs/" + job.id + "/report");
    }
}
