package org.aqqua.ingest.job;

/**
 * A source could not deliver the job's data for a reason its submitter can act on (a login refused, an export that
 * failed, a prefix that emptied since submission). The message becomes the job's failure, so it names the cause.
 */
public class SourceFailedException extends Exception {

    public SourceFailedException(String reason) {
        super(reason);
    }

    public SourceFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
