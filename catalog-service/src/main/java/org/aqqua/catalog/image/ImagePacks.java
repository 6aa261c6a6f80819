package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A dataset's image contents as tar packs, for bulk download: the images after an id, in id order, as
 * {@code <image id>.<format>} entries, until the next one would take the pack past {@code maxBytes} (a pack
 * holds at least one image). The caller asks for the next pack after the last id it got; an empty tar means
 * there is none. Images are read from the image store up to {@code aqqua.catalog.pack.parallel-reads} ahead,
 * within {@code aqqua.catalog.pack.read-ahead} bytes (a larger image is streamed alone), so memory stays bounded
 * whatever the pack's size.
 */
@ApplicationScoped
public class ImagePacks {

    /**
     * The tar writes 10 KB blocks, and the HTTP response hands its buffer to the event loop each time it fills
     * ({@code quarkus.rest.output-buffer-size}, 64 KB here): gathering a megabyte first makes those hand-offs 16
     * times fewer for a pack that is written in one go anyway.
     */
    private static final int RESPONSE_BUFFER = 1 << 20;

    private static final String NEXT = "select id, storage_key, bytes, format from image where dataset_id = ? "
            + "and id > ? order by id";

    /** One image of a pack: its entry name, where its content is stored, and its size. */
    record Image(String name, String key, long bytes) {
        @Override
        public String toString() {
            return "Image " + name;
        }
    }

    private final AgroalDataSource dataSource;
    private final MinioClient minio;
    private final String bucket;
    private final int parallelReads;
    private final long readAhead;

    ImagePacks(AgroalDataSource dataSource, MinioClient minio,
            @ConfigProperty(name = "aqqua.catalog.images-bucket", defaultValue = "aqqua-images") String bucket,
            @ConfigProperty(name = "aqqua.catalog.pack.parallel-reads", defaultValue = "16") int parallelReads,
            @ConfigProperty(name = "aqqua.catalog.pack.read-ahead", defaultValue = "32M") MemorySize readAhead) {
        this.dataSource = dataSource;
        this.minio = minio;
        this.bucket = bucket;
        this.parallelReads = parallelReads;
        this.readAhead = readAhead.asLongValue();
    }

    public StreamingOutput pack(UUID datasetId, long afterId, long maxBytes) {
        return output -> {
            try (Connection connection = dataSource.getConnection();
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(
                            new BufferedOutputStream(output, RESPONSE_BUFFER));
                    ReadAhead<Image> ahead = new ReadAhead<>(this::read, parallelReads, readAhead)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                connection.setAutoCommit(false);
                try (PreparedStatement next = connection.prepareStatement(NEXT)) {
                    next.setFetchSize(1000);
                    next.setObject(1, datasetId);
                    next.setLong(2, afterId);
                    long written = 0;
                    try (ResultSet row = next.executeQuery()) {
                        while (row.next()) {
                            long bytes = row.getLong(3);
                            if (written > 0 && written + bytes > maxBytes) {
                                break;
                            }
                            Image image = new Image(row.getLong(1) + "." + extension(row.getString(4)),
                                    row.getString(2), bytes);
                            if (bytes > readAhead) {
                                // Too large to hold: everything before it goes out, then it is streamed alone.
                                drain(ahead, tar);
                                stream(image, tar);
                            } else {
                                while (!ahead.accepts(bytes)) {
                                    write(ahead.next(), tar);
                                }
                                ahead.add(image, bytes);
                            }
                            written += bytes;
                        }
                    }
                }
                drain(ahead, tar);
                connection.commit();
                tar.finish();
            } catch (SQLException e) {
                throw new IOException("Pack stopped: " + e.getMessage(), e);
            }
        };
    }

    private static void drain(ReadAhead<Image> ahead, TarArchiveOutputStream tar) throws IOException {
        while (!ahead.isEmpty()) {
            write(ahead.next(), tar);
        }
    }

    private static void write(ReadAhead.Read<Image> read, TarArchiveOutputStream tar) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(read.object().name());
        entry.setSize(read.content().length);
        tar.putArchiveEntry(entry);
        tar.write(read.content());
        tar.closeArchiveEntry();
    }

    /** Reads an image whole, checking that it holds the bytes the catalog says. */
    private byte[] read(Image image, long bytes) throws IOException {
        try (InputStream content = open(image)) {
            byte[] read = content.readNBytes((int) bytes + 1);
            if (read.length != bytes) {
                throw new IOException(image + " holds " + (read.length > bytes ? "more than " + bytes : read.length)
                        + " bytes, the catalog says " + bytes);
            }
            return read;
        }
    }

    private void stream(Image image, TarArchiveOutputStream tar) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(image.name());
        entry.setSize(image.bytes());
        tar.putArchiveEntry(entry);
        try (InputStream content = open(image)) {
            long copied = content.transferTo(tar);
            if (copied != image.bytes()) {
                throw new IOException(image + " holds " + copied + " bytes, the catalog says " + image.bytes());
            }
        }
        tar.closeArchiveEntry();
    }

    private InputStream open(Image image) throws IOException {
        try {
            return minio.getObject(GetObjectArgs.builder().bucket(bucket).object(image.key()).build());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(image + " could not be read from " + bucket + ": " + e.getMessage(), e);
        }
    }

    /** The file extension of a stored format: jpeg is written .jpg, as people expect. */
    static String extension(String format) {
        return "jpeg".equals(format) ? "jpg" : format;
    }
}
