package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
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
 * holds at least one image). Streamed from the image store: memory stays flat whatever the pack's size. The
 * caller asks for the next pack after the last id it got; an empty tar means there is none.
 */
@ApplicationScoped
public class ImagePacks {

    private static final String NEXT = "select id, storage_key, bytes, format from image where dataset_id = ? "
            + "and id > ? order by id";

    private final AgroalDataSource dataSource;
    private final MinioClient minio;
    private final String bucket;

    ImagePacks(AgroalDataSource dataSource, MinioClient minio,
            @ConfigProperty(name = "aqqua.catalog.images-bucket", defaultValue = "aqqua-images") String bucket) {
        this.dataSource = dataSource;
        this.minio = minio;
        this.bucket = bucket;
    }

    public StreamingOutput pack(UUID datasetId, long afterId, long maxBytes) {
        return output -> {
            try (Connection connection = dataSource.getConnection();
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(output)) {
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
                            entry(tar, row.getLong(1) + "." + extension(row.getString(4)), row.getString(2), bytes);
                            written += bytes;
                        }
                    }
                }
                connection.commit();
                tar.finish();
            } catch (SQLException e) {
                throw new IOException("Pack stopped: " + e.getMessage(), e);
            }
        };
    }

    private void entry(TarArchiveOutputStream tar, String name, String key, long bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes);
        tar.putArchiveEntry(entry);
        try (InputStream content = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            long copied = content.transferTo(tar);
            if (copied != bytes) {
                throw new IOException("Image " + name + " holds " + copied + " bytes, the catalog says " + bytes);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Image " + name + " could not be read from " + bucket + ": " + e.getMessage(), e);
        }
        tar.closeArchiveEntry();
    }

    /** The file extension of a stored format: jpeg is written .jpg, as people expect. */
    static String extension(String format) {
        return "jpeg".equals(format) ? "jpg" : format;
    }
}
