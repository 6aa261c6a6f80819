package org.aqqua.ingest.ecotaxa;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aqqua.ingest.job.Fetched;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.SourceFailedException;
import org.aqqua.ingest.job.SourceKind;
import org.aqqua.ingest.job.SourceReader;
import org.aqqua.ingest.job.SourceRun;
import org.jboss.logging.Logger;

/**
 * Pulls an EcoTaxa project for a job: logs in as the AqQua user, starts a backup export, polls EcoTaxa's job until
 * it is finished, in error or out of time, and downloads the zip, which the job then ingests as an uploaded
 * archive. A job taken over after a crash starts a fresh export: EcoTaxa's jobs are cheap to repeat, and a
 * half-downloaded file is not worth resuming.
 */
@ApplicationScoped
class EcotaxaReader implements SourceReader {

    private static final Logger LOG = Logger.getLogger(EcotaxaReader.class);

    private final EcotaxaClient ecotaxa;
    private final EcotaxaSettings settings;

    EcotaxaReader(EcotaxaClient ecotaxa, EcotaxaSettings settings) {
        this.ecotaxa = ecotaxa;
        this.settings = settings;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.ECOTAXA;
    }

    @Override
    public Fetched fetch(Job job, SourceRun run) throws Exception {
        long project = job.ecotaxaProjectId;
        String token = ecotaxa.login();
        long exportJob = ecotaxa.startBackupExport(token, project);
        LOG.infof("Job %s: EcoTaxa export job %d of project %d started", job.id, exportJob, project);
        awaitFinished(token, exportJob, project, run);
        Path archive = run.work().resolve("archive");
        String sha256 = ecotaxa.download(token, exportJob, archive);
        long bytes = Files.size(archive);
        run.bytesRead(bytes);
        return Fetched.archive(archive, bytes, sha256);
    }

    private void awaitFinished(String token, long exportJob, long project, SourceRun run) throws Exception {
        // Elapsed time, not the injected clock: a fixed test clock must not make the wait endless.
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            EcotaxaJob state = ecotaxa.job(token, exportJob);
            if (state.finished()) {
                return;
            }
            if (state.failed() || state.asking()) {
                throw new SourceFailedException("EcoTaxa's export job " + exportJob + " of project " + project
                        + " ended in error (state " + state.state() + "): " + state.why());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SourceFailedException("EcoTaxa's export job " + exportJob + " of project " + project
                        + " did not finish within " + settings.timeout() + " (aqqua.ecotaxa.timeout); its last "
                        + "state was " + state.state() + " '" + state.progressMessage() + "'");
            }
            run.checkStop();
            Thread.sleep(settings.pollInterval().toMillis());
            run.checkStop();
        }
    }
}
