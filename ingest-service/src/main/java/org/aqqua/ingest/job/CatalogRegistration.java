package org.aqqua.ingest.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aqqua.catalog.client.CatalogImage;
import org.aqqua.catalog.client.CatalogImages;
import org.aqqua.catalog.client.RegistrationResult;
import org.aqqua.runtime.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * A job's catalog registration, written as its images are stored: one NDJSON line per image, in part files of about
 * {@code partBytes}. Each full part is sent to the catalog's staged registration at once, by one of {@code senders}
 * threads (the catalog validates and loads parts side by side, each on a connection of its own) while the job goes
 * on, and deleted when sent; {@link #commit()} sends the last part and registers them all. All-or-nothing for the
 * whole job, however many parts: the catalog registers nothing before the commit, which it refuses unless every
 * line was staged, and a registration not committed is aborted on {@link #close()}.
 */
final class CatalogRegistration implements Closeable {

    private static final Logger LOG = Logger.getLogger(CatalogRegistration.class);

    private final Path folder;
    private final ObjectWriter json;
    private final CatalogImages catalog;
    private final UUID datasetId;
    private final long partBytes;
    private final ExecutorService sender;
    private final List<Future<?>> sent = new ArrayList<>();
    /** The parts the senders could not send, by first line; nothing is sent after one. */
    private final ConcurrentSkipListMap<Long, Exception> sendFailures = new ConcurrentSkipListMap<>();
    private volatile boolean stopped;

    private OutputStream part;
    private Path partPath;
    private long partFirstLine = 1;
    private long partLength;
    private int parts;
    private long lines;
    /** Started by the first part's sender; the others wait for it. */
    private final Object starting = new Object();
    private volatile UUID registration;
    private boolean committed;

    CatalogRegistration(Path folder, ObjectMapper mapper, CatalogImages catalog, UUID datasetId, long partBytes,
            int senders) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.json = mapper.writerFor(CatalogImage.class);
        this.catalog = catalog;
        this.datasetId = datasetId;
        this.partBytes = partBytes;
        this.sender = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "registration-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void write(CatalogImage image) throws IOException {
        if (part == null) {
            partPath = folder.resolve(String.format("part-%06d.ndjson", ++parts));
            part = new BufferedOutputStream(Files.newOutputStream(partPath), 1 << 16);
            partFirstLine = lines + 1;
            partLength = 0;
        }
        byte[] line = json.writeValueAsBytes(image);
        part.write(line);
        part.write('\n');
        partLength += line.length + 1;
        lines++;
        if (partLength >= partBytes) {
            send();
        }
    }

    synchronized long lines() {
        return lines;
    }

    /**
     * Sends what is left and registers every line, after the parts sent before; the catalog's refusal of any part
     * or of the commit is thrown as its problem.
     */
    synchronized RegistrationResult commit() throws IOException, InterruptedException {
        if (part != null) {
            send();
        }
        awaitSent();
        RegistrationResult result = catalog.commit(datasetId, registration, lines);
        committed = true;
        LOG.infof("Registration %s into dataset %s committed: %d lines in %d part(s)", registration, datasetId, lines,
                parts);
        return result;
    }

    /** Closes the current part and queues it for a sender. */
    private void send() throws IOException {
        part.close();
        Path sending = partPath;
        long firstLine = partFirstLine;
        part = null;
        sent.add(sender.submit(() -> {
            if (!sendFailures.isEmpty() || stopped) {
                return; // after a failure the commit is refused anyway: the catalog would hold fewer lines
            }
            try {
                catalog.stage(datasetId, started(), firstLine, sending.toFile());
                Files.delete(sending);
            } catch (Exception e) {
                sendFailures.put(firstLine, e);
            }
        }));
    }

    /** The registration, started by the first sender that needs it. */
    private UUID started() {
        synchronized (starting) {
            if (registration == null) {
                registration = catalog.startRegistration(datasetId);
            }
            return registration;
        }
    }

    /**
     * Waits for every queued part; the failure to send the first part that failed is thrown (as the catalog's
     * problem if it refused it).
     */
    private void awaitSent() throws IOException, InterruptedException {
        for (Future<?> part : sent) {
            try {
                part.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("The registration's sender failed", e.getCause());
            }
        }
        Map.Entry<Long, Exception> first = sendFailures.firstEntry();
        Exception failure = first == null ? null : first.getValue();
        if (failure instanceof ProblemException problem) {
            throw problem;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw new IllegalStateException("Sending the registration to the catalog failed", failure);
        }
    }

    /** Stops sending; a registration started and not committed is aborted, so nothing of it is registered. */
    @Override
    public synchronized void close() {
        stopped = true; // parts still queued are not sent
        sender.shutdown();
        try {
            // Parts being sent are let finish (or fail), so that a registration they started is known and aborted.
            if (!sender.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warnf("A registration part for dataset %s is still being sent; the catalog drops it when "
                        + "abandoned", datasetId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (part != null) {
                part.close();
            }
        } catch (IOException e) {
            LOG.debugf("Closing a registration part: %s", e.getMessage());
        }
        UUID started = registration;
        if (!committed && started != null) {
            try {
                catalog.abort(datasetId, started);
                LOG.infof("Registration %s into dataset %s aborted: nothing of it registered", started, datasetId);
            } catch (RuntimeException e) {
                LOG.warnf("Could not abort registration %s in the catalog; it drops it when abandoned: %s", started,
                        e.getMessage());
            }
        }
    }
}
