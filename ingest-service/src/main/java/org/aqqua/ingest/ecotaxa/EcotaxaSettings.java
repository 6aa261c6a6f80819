package org.aqqua.ingest.ecotaxa;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where EcoTaxa's API is, the shared "AqQua" EcoTaxa user pulls log in as, and how long an export may take. */
@ConfigMapping(prefix = "aqqua.ecotaxa")
public interface EcotaxaSettings {

    /** EcoTaxa's API root (the paths /login, /object_set/..., /jobs/... are below it). */
    @WithDefault("https://ecotaxa.obs-vlfr.fr/api")
    URI url();

    /** The AqQua user's e-mail address at EcoTaxa; without it and a password, pulls are refused. */
    Optional<String> username();

    Optional<String> password();

    /** Longest wait for EcoTaxa's export job to finish; a large project with images takes a while. */
    @WithDefault("PT2H")
    Duration timeout();

    /** How often the export job is asked for its state. */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** Longest wait for EcoTaxa to answer one request (for the download: for it to start sending). */
    @WithDefault("PT60S")
    Duration requestTimeout();

    default boolean configured() {
        return username().isPresent() && password().isPresent();
    }
}
