package org.aqqua.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Datasets written straight into the catalog's schema, for tests of the other services that need a dataset to
 * exist before the catalog's agreement API creates them. Test-only: services never touch each other's tables.
 */
public final class CatalogFixtures {

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
}
