package org.aqqua.ingest.early;

import java.time.Instant;
import org.aqqua.ingest.image.ProbedImage;

/** An image stored while its upload was being received: what probing found, and when S3 acknowledged the PUT. */
record EarlyImage(ProbedImage probed, Instant storedAt) {
}
