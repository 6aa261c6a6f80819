package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which image contents (SHA-256) any dataset references, in any state. Ingest asks before it deletes objects a
 * failed job wrote: content is stored once for all datasets, so another dataset may hold the same image.
 */
@Path("/internal/images/referenced")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalImageReferencesResource {

    public static final int MAX_DIGESTS = 10_000;

    private final AgroalDataSource dataSource;

    InternalImageReferencesResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The given digests that at least one image row references. */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> referenced(@NotNull @Size(max = MAX_DIGESTS) List<String> sha256s) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select distinct sha256 from image where sha256 = any(?)")) {
            Array digests = connection.createArrayOf("bpchar", sha256s.toArray());
            query.setArray(1, digests);
            List<String> referenced = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    referenced.add(rows.getString(1));
                }
            }
            return referenced;
        }
    }
}
