package org.aqqua.release.rehearsal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aqqua.release.artefact.DatasetArtefacts;
import org.aqqua.release.audit.AuditEntry;
import org.aqqua.release.audit.AuditLog;
import org.aqqua.release.plan.PlannedDataset;
import org.aqqua.release.plan.ReleasePlanner;
import org.aqqua.runtime.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Rehearses the release at an instant: takes the datasets the plan releases then (the same rule the scheduler
 * uses), builds every artefact of each privately under {@code rehearsals/<id>/}, validates them, and reports.
 * Nothing becomes public. Rehearsals run one at a time, in the background; the curator polls the report.
 */
@ApplicationScoped
public class Rehearsals {

    private static final Logger LOG = Logger.getLogger(Rehearsals.class);

    private final ReleasePlanner planner;
    private final DatasetArtefacts builder;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "release-rehearsal");
        thread.setDaemon(true);
        return thread;
    });

    Rehearsals(ReleasePlanner planner, DatasetArtefacts builder, AuditLog audit, Clock clock) {
        this.planner = planner;
        this.builder = builder;
        this.audit = audit;
        this.clock = clock;
    }

    public Rehearsal start(Instant asOf, String actor) {
        Rehearsal rehearsal = new Rehearsal();
        rehearsal.id = UUID.randomUUID();
        rehearsal.asOf = asOf;
        rehearsal.requestedBy = actor;
        rehearsal.state = Rehearsal.RUNNING;
        rehearsal.startedAt = clock.instant();
        QuarkusTransaction.requiringNew().run(rehearsal::persist);
        runner.submit(() -> run(rehearsal.id, asOf, actor));
        return rehearsal;
    }

    public Rehearsal get(UUID id) {
        Rehearsal rehearsal = QuarkusTransaction.requiringNew().call(() -> Rehearsal.<Rehearsal>findById(id));
        if (rehearsal == null) {
            throw ProblemException.notFound("No rehearsal " + id + ".");
        }
        return rehearsal;
    }

    void run(UUID id, Instant asOf, String actor) {
        String state = Rehearsal.FAILED;
        RehearsalReport report = null;
        String detail;
        try {
            List<RehearsalReport.DatasetResult> results = new ArrayList<>();
            for (PlannedDataset dataset : planner.plan(asOf).toRelease().items()) {
                String prefix = "rehearsals/" + id + "/datasets/" + dataset.id() + "/";
                DatasetArtefacts.Built built = builder.build(dataset.id(), dataset.embargoUntil(), prefix);
                results.add(new RehearsalReport.DatasetResult(dataset.id(), dataset.title(), built.images(), prefix,
                        built.files(), built.problems()));
            }
            report = RehearsalReport.of(results);
            state = Rehearsal.SUCCEEDED;
            detail = "rehearsal " + id + " as of " + asOf + ": " + report.datasets() + " datasets, "
                    + report.images() + " images, " + (report.valid() ? "all artefacts valid" : "problems found");
        } catch (Exception e) {
            LOG.warnf(e, "Rehearsal %s failed", id);
            detail = "rehearsal " + id + " as of " + asOf + " failed: " + e.getMessage();
        }
        String finalState = state;
        RehearsalReport finalReport = report;
        QuarkusTransaction.requiringNew().run(() -> {
            Rehearsal rehearsal = Rehearsal.findById(id);
            rehearsal.state = finalState;
            rehearsal.report = finalReport;
            rehearsal.finishedAt = clock.instant();
        });
        audit.record(actor, "rehearsal", null, finalState.equals(Rehearsal.SUCCEEDED)
                ? AuditEntry.Outcome.succeeded : AuditEntry.Outcome.failed, detail);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
