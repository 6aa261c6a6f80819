package org.aqqua.runtime.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Scratch space of the services' jobs (ingest's unpacked archives, release's artefacts being built). */
public final class ScratchDirectories {

    private static final Logger LOG = Logger.getLogger(ScratchDirectories.class);

    private ScratchDirectories() {
    }

    /**
     * Deletes a scratch directory and everything in it; what cannot be deleted is logged and left, since a
     * leftover scratch file must not fail the work that used it.
     */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", root, e.getMessage());
        }
    }
}
