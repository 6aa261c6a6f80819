package org.aqqua.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.Problem;
import org.aqqua.runtime.problem.ProblemException;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * The largest archive one direct upload may carry ({@code aqqua.ingest.max-archive-size}). A declared length over
 * it is refused before a byte of the body is read; a body of unknown length is cut off as soon as it passes it,
 * so nothing over the limit is staged or kept.
 */
record DirectUploadLimit(long maxBytes) {

    /** 413 at once when the client declared a length over the limit. */
    void checkDeclared(long contentLength) {
        if (contentLength > maxBytes) {
            throw tooLarge("Content-Length", contentLength);
        }
    }

    /** The body, failing with {@link TooLarge} on the first read past the limit. */
    InputStream bound(InputStream body) throws IOException {
        return BoundedInputStream.builder().setInputStream(body).setMaxCount(maxBytes + 1)
                .setOnMaxCount((max, count) -> {
                    throw new TooLarge();
                }).get();
    }

    /** Whether {@code failure} (of staging, which read the bound body) came from passing the limit. */
    static boolean passedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** 413 for a body of unknown length that went past the limit. */
    ProblemException tooLargeBody() {
        return tooLarge("body", "more than " + maxBytes + " bytes");
    }

    private ProblemException tooLarge(String field, Object value) {
        return new ProblemException(new Problem(Problem.type("archive-too-large"), "Content Too Large", 413,
                "The archive is larger than AqQua takes in one direct upload; nothing was accepted.", null,
                List.of(FieldError.of(field, value, "must be at most " + maxBytes + " bytes; send a larger archive "
                        + "as a resumable upload (POST /api/datasets/{id}/uploads, or the aqqua-upload CLI)"))));
    }

    /** Thrown into the reader of the body when it passes the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the upload passed the archive size limit", null);
        }
    }
}
