package org.aqqua.release.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which notices were sent: claimed before sending so that one replica sends, released again when sending fails. */
@ApplicationScoped
class NoticeLedger {

    private final EntityManager em;

    NoticeLedger(EntityManager em) {
        this.em = em;
    }

    /** True when this caller may send the notice (nobody has sent or is sending it). */
    boolean claim(UUID datasetId, String kind, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("insert into release.owner_notice "
                + "(dataset_id, kind, sent_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, datasetId).setParameter(2, kind).setParameter(3, Timestamp.from(now))
                .executeUpdate() == 1);
    }

    void release(UUID datasetId, String kind) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from release.owner_notice "
                + "where dataset_id = ?1 and kind = ?2").setParameter(1, datasetId).setParameter(2, kind)
                .executeUpdate());
    }

    /** Released datasets whose owner has not been told yet (the notice after the release failed or is new). */
    @SuppressWarnings("unchecked")
    List<UUID> releasedWithoutNotice() {
        return QuarkusTransaction.requiringNew().call(() -> (List<UUID>) em.createNativeQuery("select r.dataset_id "
                + "from release.dataset_release r where r.state = 'released' and not exists (select 1 from "
                + "release.owner_notice n where n.dataset_id = r.dataset_id and n.kind = 'released') "
                + "order by r.released_at limit 1000", UUID.class).getResultList());
    }
}
