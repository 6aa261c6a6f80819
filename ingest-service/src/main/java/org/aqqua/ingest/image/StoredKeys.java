package org.aqqua.ingest.image;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The image objects a job has written, kept on disk (a job may store millions), so that if it fails they can be
 * removed again. Each key is noted with the moment its PUT was acknowledged.
 */
public final class StoredKeys implements Closeable {

    private final Path path;
    private final BufferedWriter out;

    public StoredKeys(Path path) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.US_ASCII);
    }

    public void add(String key) throws IOException {
        add(key, Instant.now());
    }

    /** A key written earlier, with the moment its PUT was acknowledged. */
    public synchronized void add(String key, Instant writtenAt) throws IOException {
        out.write(key);
        out.write(' ');
        out.write(writtenAt.toString());
        out.write('\n');
    }

    /** Hands every object written, in the order written, to {@code batches} a bounded batch at a time. */
    public synchronized void forEachBatch(int size, BatchConsumer batches) throws Exception {
        out.flush();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            List<StoredKey> batch = new ArrayList<>(size);
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split(" ");
                batch.add(new StoredKey(parts[0], Instant.parse(parts[1])));
                if (batch.size() == size) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(List.copyOf(batch));
            }
        }
    }

    public interface BatchConsumer {
        void accept(List<StoredKey> batch) throws Exception;
    }

    public record StoredKey(String key, Instant writtenAt) {
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
