package org.aqqua.ingest.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The {@link SourceReader} of each source kind (the readers are beans of their own feature packages). */
@ApplicationScoped
public class JobSources {

    private static final Logger LOG = Logger.getLogger(JobSources.class);

    private final Map<SourceKind, SourceReader> readers = new EnumMap<>(SourceKind.class);

    JobSources(Instance<SourceReader> all) {
        all.forEach(reader -> readers.put(reader.kind(), reader));
    }

    SourceReader reader(Job job) {
        SourceReader reader = readers.get(job.sourceKind);
        if (reader == null) {
            throw new IllegalStateException("no reader for job sources of kind " + job.sourceKind.wireName());
        }
        return reader;
    }

    /** Lets the source drop what it kept for the job; a failure is logged, never the caller's problem. */
    void releaseQuietly(Job job) {
        try {
            reader(job).release(job);
        } catch (Exception e) {
            LOG.warnf("Could not release the %s source of job %s: %s", job.sourceKind.wireName(), job.id,
                    e.getMessage());
        }
    }
}
