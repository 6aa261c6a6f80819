package org.aqqua.release.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Appends to and reads the audit log. Entries are written in their own transaction so that failures are kept. */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEntry record(String actor, String action, UUID datasetId, AuditEntry.Outcome outcome, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.datasetId = datasetId;
        entry.outcome = outcome;
        entry.detail = detail;
        entry.persist();
        return entry;
    }

    /**
     * As {@link #record}, inside the caller's transaction: the entry is kept exactly when what it describes is
     * committed (the scheduler's "release" entry commits with the dataset's claim turning released).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordWithin(String actor, String action, UUID datasetId, AuditEntry.Outcome outcome,
            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.datasetId = datasetId;
        entry.outcome = outcome;
        entry.detail = detail;
        entry.persist();
        return entry;
    }

    /** Newest first, keyset-paged by id. */
    public List<AuditEntry> newest(Optional<UUID> datasetId, Optional<Long> beforeId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        datasetId.ifPresent(id -> {
            query.append(" and datasetId = :dataset");
            params.put("dataset", id);
        });
        beforeId.ifPresent(id -> {
            query.append(" and id < :before");
            params.put("before", id);
        });
        return AuditEntry.<AuditEntry>find(query + " order by id desc", params).page(0, limit).list();
    }

    public static String actorOf(SecurityIdentity identity) {
        String name = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null
                ? jwt.getClaim("preferred_username") : identity.getPrincipal().getName();
        return "user:" + name + " (" + Roles.subject(identity) + ")";
    }
}
