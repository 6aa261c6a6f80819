package org.aqqua.release.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.aqqua.release.plan.ReleaseDecision.Verdict;
import org.junit.jupiter.api.Test;

/** The release rule, dataset situation by situation, at the instant and one second either side of it. */
class ReleasePolicyTest {

    static final Instant INSTANT = Instant.parse("2027-07-15T12:00:00Z");
    static final Instant BEFORE = INSTANT.minusSeconds(1);
    static final Instant LATER = Instant.parse("2027-09-01T12:00:00Z");

    final ReleasePolicy policy = new ReleasePolicy(INSTANT);

    static CatalogReleaseFacts dataset(String status, String reason, Instant embargo, Boolean development,
            Boolean publicRelease, Boolean modelRelease) {
        return new CatalogReleaseFacts(UUID.randomUUID(), "A dataset", status, reason, embargo, UUID.randomUUID(),
                development, publicRelease, modelRelease, 10, 10_000, INSTANT.minusSeconds(3600));
    }

    static CatalogReleaseFacts ready() {
        return dataset("ready", null, INSTANT, true, true, true);
    }

    @Test
    void aReadyDatasetWithEveryPermissionIsReleasedFromItsEmbargoOnNotASecondEarlier() {
        assertThat(policy.decide(ready(), BEFORE))
                .isEqualTo(new ReleaseDecision(Verdict.WITHHELD, List.of("embargo until 2027-07-15T12:00:00Z")));
        assertThat(policy.decide(ready(), INSTANT)).isEqualTo(new ReleaseDecision(Verdict.RELEASE, List.of()));
        assertThat(policy.decide(ready(), INSTANT.plusSeconds(1)).releases()).isTrue();
    }

    @Test
    void aPostponedEmbargoHoldsUntilItsOwnInstant() {
        CatalogReleaseFacts postponed = dataset("ready", "embargo postponed: data paper", LATER, true, true, true);
        assertThat(policy.decide(postponed, INSTANT).reasons()).containsExactly("embargo until 2027-09-01T12:00:00Z");
        assertThat(policy.decide(postponed, LATER.minusSeconds(1)).releases()).isFalse();
        assertThat(policy.decide(postponed, LATER).releases()).isTrue();
    }

    @Test
    void theReleaseInstantIsAFloorUnderEveryEmbargo() {
        CatalogReleaseFacts early = dataset("ready", null, INSTANT.minusSeconds(86_400 * 365), true, true, true);
        assertThat(policy.decide(early, BEFORE).reasons()).containsExactly("embargo until 2027-07-15T12:00:00Z");
        assertThat(policy.decide(early, INSTANT).releases()).isTrue();
    }

    @Test
    void anIncompleteIngestIsNamedWithItsStatus() {
        for (String status : new String[] {"draft", "receiving"}) {
            assertThat(policy.decide(dataset(status, null, INSTANT, true, true, true), INSTANT))
                    .isEqualTo(new ReleaseDecision(Verdict.WITHHELD,
                            List.of("ingest not complete (status " + status + ")")));
        }
    }

    @Test
    void aWithdrawnDatasetIsNeverReleasedAndTheReasonIsGiven() {
        assertThat(policy.decide(dataset("withdrawn", "Owner asked to withdraw", INSTANT, true, true, true), LATER)
                .reasons()).containsExactly("withdrawn: Owner asked to withdraw");
        assertThat(policy.decide(dataset("withdrawn", null, INSTANT, true, true, true), LATER).reasons())
                .containsExactly("withdrawn");
    }

    @Test
    void eachMissingPermissionIsNamed() {
        assertThat(policy.decide(dataset("ready", null, INSTANT, false, true, true), INSTANT).reasons())
                .containsExactly("agreement lacks permission model-development");
        assertThat(policy.decide(dataset("ready", null, INSTANT, true, false, true), INSTANT).reasons())
                .containsExactly("agreement lacks permission public-release");
        assertThat(policy.decide(dataset("ready", null, INSTANT, true, true, null), INSTANT).reasons())
                .containsExactly("agreement lacks permission model-release");
    }

    @Test
    void aDatasetWithoutAgreementHasNoPermissionOnRecord() {
        CatalogReleaseFacts legacy = new CatalogReleaseFacts(UUID.randomUUID(), "Old", "ready", null, INSTANT, null,
                null, null, null, 0, 0, INSTANT);
        assertThat(policy.decide(legacy, INSTANT).reasons()).containsExactly(
                "no sharing agreement: permissions model-development, public-release, model-release not on record");
    }

    @Test
    void everyReasonIsListedAtOnce() {
        assertThat(policy.decide(dataset("receiving", null, LATER, true, false, false), INSTANT).reasons())
                .containsExactly("embargo until 2027-09-01T12:00:00Z", "ingest not complete (status receiving)",
                        "agreement lacks permission public-release", "agreement lacks permission model-release");
    }

    @Test
    void aReleasedDatasetStaysReleasedWhateverTheInstant() {
        CatalogReleaseFacts released = dataset("released", "released by release-service", INSTANT, true, true, true);
        assertThat(policy.decide(released, INSTANT.plusSeconds(60)))
                .isEqualTo(new ReleaseDecision(Verdict.ALREADY_RELEASED, List.of()));
        assertThat(policy.decide(released, BEFORE).verdict()).isEqualTo(Verdict.ALREADY_RELEASED);
    }
}
