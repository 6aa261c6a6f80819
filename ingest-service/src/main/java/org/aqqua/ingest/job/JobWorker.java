package org.aqqua.ingest.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.aqqua.ingest.config.IngestSettings;
import org.aqqua.runtime.files.ScratchDirectories;
import org.jboss.logging.Logger;

/**
 * Takes queued jobs (and jobs whose worker died) and runs them, up to {@code aqqua.ingest.concurrent-jobs} at
 * once; keeps each claim alive with a heartbeat that also saves progress and hears cancellations from any
 * replica. Each instance names itself with a random id, so a restarted instance takes over its own dead jobs
 * like anyone else's, once their lease has run out.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final String workerId = "ingest-" + UUID.randomUUID();
    private final JobStore jobs;
    private final JobRunner runner;
    private final IngestSettings settings;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private ExecutorService executor;
    private ScheduledExecutorService heartbeats;
    private Semaphore slots;

    JobWorker(JobStore jobs, JobRunner runner, IngestSettings settings) {
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
    }

    private record Running(JobCounters counters, RunControl control) {
    }

    void start(@Observes StartupEvent event) {
        ScratchDirectories.delete(settings.workRoot());
        slots = new Semaphore(settings.concurrentJobs());
        executor = Executors.newFixedThreadPool(settings.concurrentJobs(), r -> new Thread(r, "ingest-job"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ingest-heartbeat"));
        long every = Math.max(1, settings.lease().toMillis() / 3);
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        running.values().forEach(run -> run.control().loseLease());
        executor.shutdownNow();
        heartbeats.shutdownNow();
    }

    @Scheduled(every = "${aqqua.ingest.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (slots != null && slots.tryAcquire()) {
            Optional<JobStore.Claim> claim;
            try {
                claim = jobs.claimNext(workerId, settings.lease());
            } catch (Exception e) {
                slots.release();
                LOG.warnf("Cannot look for jobs: %s", e.getMessage());
                return;
            }
            if (claim.isEmpty()) {
                slots.release();
                return;
            }
            launch(claim.get());
        }
    }

    /** Looks for work now rather than at the next poll: a job just queued here starts at once if a slot is free. */
    void wakeUp() {
        if (slots != null) {
            java.util.concurrent.CompletableFuture.runAsync(this::poll);
        }
    }

    /** Cancels a job running here at once; other replicas hear of it at their next heartbeat. */
    boolean cancelLocally(UUID jobId) {
        Running run = running.get(jobId);
        if (run != null) {
            run.control().cancel();
        }
        return run != null;
    }

    private void launch(JobStore.Claim claim) {
        Running run = new Running(new JobCounters(), new RunControl());
        running.put(claim.jobId(), run);
        executor.execute(() -> {
            try {
                if (claim.attempt() > settings.maxAttempts()) {
                    jobs.finish(claim.jobId(), JobState.FAILED, run.counters(), 0, "the job was interrupted "
                            + settings.maxAttempts() + " times (the service stopped while running it); upload "
                            + "the archive again", 0, 0, false);
                } else {
                    if (claim.attempt() > 1) {
                        LOG.infof("Job %s: taking over after an interrupted run (attempt %d)", claim.jobId(),
                                claim.attempt());
                    }
                    runner.run(claim.jobId(), run.counters(), run.control());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Job %s could not be finished", claim.jobId());
            } finally {
                running.remove(claim.jobId());
                slots.release();
            }
        });
    }

    private void beat() {
        running.forEach((jobId, run) -> {
            try {
                switch (jobs.heartbeat(jobId, workerId, settings.lease(), run.counters())) {
                    case CANCELLED -> run.control().cancel();
                    case LEASE_LOST -> run.control().loseLease();
                    case CONTINUE -> { }
                }
            } catch (Exception e) {
                LOG.warnf("Heartbeat of job %s failed: %s", jobId, e.getMessage());
            }
        });
    }
}
