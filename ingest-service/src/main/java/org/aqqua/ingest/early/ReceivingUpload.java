package org.aqqua.ingest.early;

import java.io.InputStream;

/**
 * An upload being received: its body is read through {@link #body()}, which also copies it to the local spool
 * whose images are stored meanwhile. The receiver ends it with {@link #received()} once the upload is safely
 * staged, or {@link #abandon()} when it is not.
 */
public interface ReceivingUpload {

    /** The request body, to be read instead of the original. */
    InputStream body();

    /** Staged and acknowledged: kept for the job, which claims it by the staging key. */
    void received();

    /** Not accepted: the scan stops and the objects it stored are removed unless referenced. */
    void abandon();

    /** For uploads that are not stored on receipt: the body as it is. */
    static ReceivingUpload passThrough(InputStream body) {
        return new ReceivingUpload() {
            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public void received() {
            }

            @Override
            public void abandon() {
            }
        };
    }
}
