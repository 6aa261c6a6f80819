package org.aqqua.testing;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Datasets written straight into the catalog's schema, for tests of the other services that need a dataset to
 * exist before the catalog's agreement API creates them. Test-only: services never touch each other's tables.
 */
public final class CatalogFixtures {

    public static final String IMAGES_BUCKET = "aqqua-images";
    public static final Instant RELEASE_INSTANT = Instant.parse("2027-07-15T12:00:00Z");

    private CatalogFixtures() {
    }

    public static UUID dataset(String ownerSubject, String status) {
        return dataset(Infrastructure.shared().jdbcUrl(), ownerSubject, status);
    }

    public static UUID dataset(String jdbcUrl, String ownerSubject, String status) {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER,
                PostgresServer.PASSWORD);
                PreparedStatement insert = connection.prepareStatement("insert into catalog.dataset "
                        + "(id, title, instrument, owner_subject, status, embargo_until, created_at, updated_at) "
                        + "values (?, ?, 'UVP6', ?, ?, ?, now(), now())")) {
            insert.setObject(1, id);
            insert.setString(2, "Fixture dataset " + id);
            insert.setString(3, ownerSubject);
            insert.setString(4, status);
            insert.setTimestamp(5, Timestamp.from(RELEASE_INSTANT));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write fixture dataset", e);
        }
    }

    /**
     * A dataset as the release sees it, to be configured and {@link DatasetFixture#create() created}: by default
     * ready, embargoed until the release instant, under a sharing agreement of {@code ownerSubject} that holds all
     * three mandatory permissions, without images.
     */
    public static DatasetFixture releasable(String ownerSubject) {
        return new DatasetFixture(ownerSubject);
    }

    /** A dataset with its agreement, status, embargo and image rows, written straight into the catalog's schema. */
    public static final class DatasetFixture {

        /** The e-mail address every fixture owner has: public and release outputs must never contain it. */
        public static final String OWNER_EMAIL = "fixture-owner@example.org";

        private final String ownerSubject;
        private String jdbcUrl;
        private String status = "ready";
        private String statusReason;
        private Instant embargoUntil = RELEASE_INSTANT;
        private boolean agreement = true;
        private int images;

        private DatasetFixture(String ownerSubject) {
            this.ownerSubject = ownerSubject;
        }

        /** Another database than the shared test infrastructure's (e.g. a local platform). */
        public DatasetFixture in(String otherJdbcUrl) {
            this.jdbcUrl = otherJdbcUrl;
            return this;
        }

        /** A wire name: draft, receiving, ready, released or withdrawn. */
        public DatasetFixture status(String newStatus) {
            this.status = newStatus;
            return this;
        }

        public DatasetFixture statusReason(String reason) {
            this.statusReason = reason;
            return this;
        }

        public DatasetFixture embargoUntil(Instant instant) {
            this.embargoUntil = instant;
            return this;
        }

        /** No sharing agreement: as datasets written before agreements existed, none of the permissions on record. */
        public DatasetFixture withoutAgreement() {
            this.agreement = false;
            return this;
        }

        /** {@code count} image rows (1,000 + i bytes each), counted on the dataset row as registration does. */
        public DatasetFixture images(int count) {
            this.images = count;
            return this;
        }

        public UUID create() {
            UUID id = UUID.randomUUID();
            String url = jdbcUrl != null ? jdbcUrl : Infrastructure.shared().jdbcUrl();
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                connection.setAutoCommit(false);
                UUID agreementId = agreement ? agreement(connection) : null;
                try (PreparedStatement insert = connection.prepareStatement("insert into catalog.dataset "
                        + "(id, title, instrument, owner_subject, status, status_reason, embargo_until, agreement_id, "
                        + "created_at, updated_at) values (?, ?, 'UVP6', ?, ?, ?, ?, ?, now(), now())")) {
                    insert.setObject(1, id);
                    insert.setString(2, "Fixture dataset " + id);
                    insert.setString(3, ownerSubject);
                    insert.setString(4, status);
                    insert.setString(5, statusReason);
                    insert.setTimestamp(6, Timestamp.from(embargoUntil));
                    insert.setObject(7, agreementId);
                    insert.executeUpdate();
                }
                List<String> keys = images > 0 ? images(connection, id) : List.of();
                connection.commit();
                if (jdbcUrl == null) {
                    putContents(Infrastructure.shared().endpoints(), keys);
                }
                return id;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot write fixture dataset", e);
            }
        }

        private UUID agreement(Connection connection) throws SQLException {
            try (PreparedStatement owner = connection.prepareStatement("insert into catalog.data_owner "
                    + "(id, subject, given_name, surname, email, institute, created_at, updated_at) "
                    + "values (?, ?, 'Fixture', 'Owner', ?, 'AqQua test institute', now(), now()) "
                    + "on conflict (subject) do nothing")) {
                owner.setObject(1, UUID.randomUUID());
                owner.setString(2, ownerSubject);
                owner.setString(3, OWNER_EMAIL);
                owner.executeUpdate();
            }
            UUID ownerId;
            try (PreparedStatement find = connection.prepareStatement(
                    "select id from catalog.data_owner where subject = ?")) {
                find.setString(1, ownerSubject);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    ownerId = row.getObject(1, UUID.class);
                }
            }
            UUID agreementId = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("insert into catalog.sharing_agreement "
                    + "(id, owner_id, permits_model_development, permits_public_release, permits_model_release, "
                    + "interim_licence_spdx, created_at, updated_at) values (?, ?, true, true, true, 'CC-BY-4.0', "
                    + "now(), now())")) {
                insert.setObject(1, agreementId);
                insert.setObject(2, ownerId);
                insert.executeUpdate();
            }
            return agreementId;
        }

        /**
         * Puts each fixture image's content into {@code aqqua-images} under its storage key, as ingest would: the
         * {@link #content(int) bytes} of image {@code i}, {@code 1,000 + i} long.
         */
        private static void putContents(PlatformEndpoints endpoints, List<String> keys) {
            if (keys.isEmpty()) {
                return;
            }
            try {
                MinioClient s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                        .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
                if (!s3.bucketExists(BucketExistsArgs.builder().bucket(IMAGES_BUCKET).build())) {
                    s3.makeBucket(MakeBucketArgs.builder().bucket(IMAGES_BUCKET).build());
                }
                for (int i = 0; i < keys.size(); i++) {
                    byte[] content = content(i);
                    s3.putObject(PutObjectArgs.builder().bucket(IMAGES_BUCKET).object(keys.get(i))
                            .stream(new ByteArrayInputStream(content), content.length, -1).build());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot store fixture image contents", e);
            }
        }

        private List<String> images(Connection connection, UUID datasetId) throws SQLException {
            List<String> keys = new ArrayList<>();
            HexFormat hex = HexFormat.of();
            long bytes = 0;
            try (PreparedStatement insert = connection.prepareStatement("insert into catalog.image (dataset_id, "
                    + "object_id, sha256, storage_key, bytes, width, height, format, pixel_size_um, latitude, "
                    + "longitude, depth_min, observed_at, instrument) values (?, ?, ?, ?, ?, 120, 80, 'png', 73, "
                    + "43.68, 7.31, 5, '2021-06-01T10:15:00Z', 'UVP6')")) {
                for (int i = 0; i < images; i++) {
                    UUID a = UUID.randomUUID();
                    UUID b = UUID.randomUUID();
                    String sha256 = hex.toHexDigits(a.getMostSignificantBits())
                            + hex.toHexDigits(a.getLeastSignificantBits()) + hex.toHexDigits(b.getMostSignificantBits())
                            + hex.toHexDigits(b.getLeastSignificantBits());
                    insert.setObject(1, datasetId);
                    insert.setString(2, "fixture-" + i);
                    insert.setString(3, sha256);
                    insert.setString(4, sha256);
                    insert.setLong(5, 1000L + i);
                    keys.add(sha256);
                    insert.addBatch();
                    bytes += 1000L + i;
                }
                insert.executeBatch();
            }
            try (PreparedStatement counts = connection.prepareStatement(
                    "update catalog.dataset set image_count = ?, image_bytes = ? where id = ?")) {
                counts.setLong(1, images);
                counts.setLong(2, bytes);
                counts.setObject(3, datasetId);
                counts.executeUpdate();
            }
            return keys;
        }
    }

    /** The content of the {@code i}-th fixture image of a dataset: 1,000 + i bytes. */
    public static byte[] content(int i) {
        byte[] content = new byte[1000 + i];
        for (int b = 0; b < content.length; b++) {
            content[b] = (byte) (b * 31 + i);
        }
        return content;
    }
}
