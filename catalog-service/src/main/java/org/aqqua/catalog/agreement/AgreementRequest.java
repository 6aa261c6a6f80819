package org.aqqua.catalog.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.aqqua.runtime.text.Publishable;

/**
 * A filled AqQua Data Sharing Form (DOMAIN.md). The three permissions are mandatory: without all of them AqQua
 * cannot take the data in, and the request is refused naming the one that is missing.
 */
public record AgreementRequest(
        @NotNull @Valid Owner owner,
        @NotNull @Valid Permissions permissions,
        List<@NotNull FurtherUse> furtherUses,
        List<@NotNull Coauthorship> coauthorship,
        @NotNull @Valid InterimLicence interimLicence,
        @Valid Attribution attribution,
        @Size(max = 200) List<@NotNull @Valid Contributor> contributors) {

    private static final String MANDATORY = "is mandatory: without this permission AqQua cannot take the data in";

    /** Contact of the data owner ("Given name Surname", e-mail, institute). */
    public record Owner(
            @NotBlank @Size(max = 200) @Publishable String givenName,
            @NotBlank @Size(max = 200) @Publishable String surname,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 500) @Publishable String institute,
            @ValidOrcid String orcid,
            boolean mailingList) {
    }

    public record Permissions(
            @NotNull(message = MANDATORY) @AssertTrue(message = MANDATORY) Boolean modelDevelopment,
            @NotNull(message = MANDATORY) @AssertTrue(message = MANDATORY) Boolean publicRelease,
            @NotNull(message = MANDATORY) @AssertTrue(message = MANDATORY) Boolean modelRelease) {
    }

    /** The optional further uses the form offers. */
    public enum FurtherUse { GLOBAL_DISTRIBUTION_STUDIES, PROCESS_RATE_STUDIES }

    /** Invitations to co-author beyond the data paper (every owner is co-author of that). */
    public enum Coauthorship { FOUNDATION_MODEL_PAPER, DISTRIBUTION_AND_PROCESS_RATE_PAPERS }

    /** The legal terms until the release: an SPDX licence id, or a named other licence. */
    public record InterimLicence(
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.+-]{1,63}", message = "must be an SPDX licence id such as CC-BY-4.0")
            String spdx,
            @Size(max = 500) @Publishable String other) {

        @AssertTrue(message = "give either an SPDX licence id or the name of another licence, not both")
        public boolean isSpdxOrOther() {
            return (spdx == null || spdx.isBlank()) != (other == null || other.isBlank());
        }
    }

    public record Attribution(
            @Size(max = 10_000) @Publishable String acknowledgements,
            @Size(max = 10_000) @Publishable String funding,
            @Size(max = 200) List<@NotBlank @Size(max = 2000) @Publishable String> papersToCite,
            @Size(max = 2000) @Publishable String copyright) {
    }

    /** A lab member or colleague to credit. */
    public record Contributor(@NotBlank @Size(max = 400) @Publishable String name, @ValidOrcid String orcid,
            @Size(max = 500) @Publishable String affiliation, @Size(max = 200) @Publishable String role) {
    }
}
