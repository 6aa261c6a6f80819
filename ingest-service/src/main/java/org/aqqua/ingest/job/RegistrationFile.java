package org.aqqua.ingest.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aqqua.catalog.client.CatalogImage;

/**
 * The catalog registration body, written to disk as images are stored: one NDJSON line per image. Sent to the
 * catalog in one request at the end, so registration is all-or-nothing for the whole job.
 */
final class RegistrationFile implements Closeable {

    private final Path path;
    private final BufferedWriter out;
    private final ObjectWriter json;
    private long lines;

    RegistrationFile(Path path, ObjectMapper mapper) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        this.json = mapper.writerFor(CatalogImage.class);
    }

    synchronized void write(CatalogImage image) throws IOException {
        out.write(json.writeValueAsString(image));
        out.write('\n');
        lines++;
    }

    synchronized long lines() {
        return lines;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
