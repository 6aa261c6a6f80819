package org.aqqua.release.scheduler;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.aqqua.release.artefact.ArtefactPreparation;
import org.aqqua.release.plan.ReleasePlanner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Releases due datasets without anyone at a keyboard. Every poll (and once right at start-up, which is the
 * catch-up after downtime) it asks the catalog which ready datasets the {@link org.aqqua.release.plan.ReleasePolicy}
 * makes due now (by the injected clock), records a claim for each in the {@link ReleaseLedger}, and works through
 * the pending claims whose retry time has come with a few workers. Safe with any number of replicas on one
 * database: the ledger makes each release happen once.
 */
@ApplicationScoped
public class ReleaseScheduler {

    private static final Logger LOG = Logger.getLogger(ReleaseScheduler.class);

    private final ReleasePlanner planner;
    private final ReleaseLedger ledger;
    private final ArtefactPreparation preparation;
    private final Clock clock;
    private final String actor;
    private final int workers;
    private final AtomicInteger threads = new AtomicInteger();
    private volatile ExecutorService pool;

    ReleaseScheduler(ReleasePlanner planner, ReleaseLedger ledger, ArtefactPreparation preparation, Clock clock,
            @ConfigProperty(name = "aqqua.release.instance-id") Optional<String> instanceId,
            @ConfigProperty(name = "aqqua.release.workers", defaultValue = "4") int workers) {
        this.planner = planner;
        this.ledger = ledger;
        this.preparation = preparation;
        this.clock = clock;
        this.actor = "scheduler:" + instanceId.filter(id -> !id.isBlank()).orElseGet(ReleaseScheduler::defaultInstanceId);
        this.workers = Math.max(1, workers);
    }

    /** The audit log's actor of this replica's scheduler: {@code scheduler:<instance id>}. */
    public String actor() {
        return actor;
    }

    @Scheduled(identity = "release-scheduler", every = "${aqqua.release.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            RunReport report = runOnce();
            if (!report.due().isEmpty() || !report.failed().isEmpty() || !report.refused().isEmpty()) {
                LOG.infof("Release run at %s: %d due, %d released, %d failed (retried later), %d refused",
                        report.at(), report.due().size(), report.released().size(), report.failed().size(),
                        report.refused().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Release run failed, the next poll tries again: %s", e.getMessage());
        }
    }

    /** One run at the clock's now: what the plan says is due is claimed and released. */
    public RunReport runOnce() {
        Instant now = clock.instant();
        List<CatalogReleaseFacts> due = planner.dueAt(now);
        ledger.enqueue(due, now);
        preparation.prepareAll(due);
        Set<UUID> tried = ConcurrentHashMap.newKeySet();
        List<ReleaseLedger.Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            Optional<ReleaseLedger.Attempt> attempt;
            do {
                attempt = ledger.attemptNext(now, Set.copyOf(tried), actor);
                attempt.ifPresent(a -> {
                    tried.add(a.datasetId());
                    attempts.add(a);
                });
            } while (attempt.isPresent());
        };
        if (workers == 1 || due.size() <= 1) {
            worker.run();
        } else {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool().submit(worker));
            }
            for (Future<?> future : running) {
                await(future);
            }
        }
        return new RunReport(now, due.stream().map(CatalogReleaseFacts::id).toList(),
                ids(attempts, ReleaseLedger.Outcome.RELEASED), ids(attempts, ReleaseLedger.Outcome.FAILED),
                ids(attempts, ReleaseLedger.Outcome.REFUSED));
    }

    private static List<UUID> ids(List<ReleaseLedger.Attempt> attempts, ReleaseLedger.Outcome outcome) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.outcome() == outcome).map(ReleaseLedger.Attempt::datasetId)
                    .toList();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while releasing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(workers, task -> {
                        Thread thread = new Thread(task, "release-worker-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
            }
        }
        return pool;
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
