package org.aqqua.release.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.aqqua.release.ReleaseClockTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogFixtures.DatasetFixture;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Owners are e-mailed through a real SMTP server (GreenMail): fourteen days ahead of their dataset's release and
 * on it, each notice once however often the notices run.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(GreenMailResource.class)
class OwnerNoticesTest extends ReleaseClockTest {

    @Inject
    OwnerNotices notices;

    @Test
    void theOwnerHearsOnceFourteenDaysAheadAndOnceOnTheRelease() throws Exception {
        String owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
        UUID dataset = CatalogFixtures.releasable(owner).images(2).create();
        String title = "Fixture dataset " + dataset;

        clock.set(INSTANT.minus(java.time.Duration.ofDays(15)));
        notices.runOnce();
        assertThat(about(title)).isEmpty();

        clock.set(INSTANT.minus(java.time.Duration.ofDays(14)));
        notices.runOnce();
        notices.runOnce();
        List<MimeMessage> upcoming = about(title);
        assertThat(upcoming).hasSize(1);
        assertThat(upcoming.get(0).getSubject()).isEqualTo("AqQua: \"" + title + "\" will be public on 2027-07-15");
        assertThat(Arrays.toString(upcoming.get(0).getAllRecipients())).contains(DatasetFixture.OWNER_EMAIL);
        assertThat(((String) upcoming.get(0).getContent())).contains("Dear Fixture Owner", "(2 images)",
                "CC BY-NC 4.0");

        clock.set(INSTANT.plusSeconds(1));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        notices.runOnce();
        notices.runOnce();
        List<MimeMessage> all = about(title);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).getSubject()).isEqualTo("AqQua: \"" + title + "\" is now public");
        assertThat((String) all.get(1).getContent()).contains("/datasets/" + dataset);
    }

    private static List<MimeMessage> about(String title) throws Exception {
        return Arrays.stream(GreenMailResource.server.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(title);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
