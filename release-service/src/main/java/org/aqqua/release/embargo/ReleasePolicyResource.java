package org.aqqua.release.embargo;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What every data owner agreed to: when AqQua goes public and under which licence. */
@Path("/api/releases/policy")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Release policy")
@SecurityRequirement(name = "SecurityScheme")
public class ReleasePolicyResource {

    /** The policy as of {@code now}: before the instant, each dataset keeps its owner's interim legal terms. */
    public record ReleasePolicyView(Instant releaseInstant, Instant now, boolean released, ReleaseLicence licence,
            String beforeRelease) {
    }

    private final Instant releaseInstant;
    private final Clock clock;

    ReleasePolicyResource(@ConfigProperty(name = "aqqua.release.instant") Instant releaseInstant, Clock clock) {
        this.releaseInstant = releaseInstant;
        this.clock = clock;
    }

    @GET
    public ReleasePolicyView policy() {
        Instant now = clock.instant();
        return new ReleasePolicyView(releaseInstant, now, !now.isBefore(releaseInstant), ReleaseLicence.CC_BY_NC_4_0,
                "Until the release instant the data are confidential to logged-in AqQua members, under each "
                        + "owner's interim legal terms; a curator may postpone a dataset's embargo, never advance it.");
    }
}
