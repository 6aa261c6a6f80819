package org.aqqua.ingest.early;

import java.io.IOException;
import java.time.Instant;
import org.aqqua.ingest.image.ImageStore;
import org.aqqua.ingest.image.ProbedImage;
import org.aqqua.ingest.image.StoredKeys;

/** An image stored while its upload was being received: what probing found, and when S3 acknowledged the PUT. */
record EarlyImage(ProbedImage probed, Instant storedAt) {

    /** Notes its object in {@code keys}, with the moment it was written, for removal unless referenced. */
    void addTo(StoredKeys keys) throws IOException {
        keys.add(ImageStore.keyOf(probed.sha256()), storedAt);
    }
}
