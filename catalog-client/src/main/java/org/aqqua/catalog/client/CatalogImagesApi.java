package org.aqqua.catalog.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The catalog's internal image API: bulk registration in parts (one NDJSON line per image, all-or-nothing) and which
 * image contents are referenced. Its own client (config key {@code catalog-images}) because registering millions
 * of rows takes minutes, far longer than the read timeout of the catalog's quick calls.
 */
@RegisterRestClient(configKey = "catalog-images")
@OidcClientFilter
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogImagesApi {

    String NDJSON = "application/x-ndjson";

    /** Starts a registration whose lines come in parts; nothing is registered before its commit. */
    @POST
    @Path("/datasets/{id}/registrations")
    StagedRegistration start(@PathParam("id") UUID datasetId);

    /** Stages a part of the lines, the first of them line {@code firstLine} of the whole list. */
    @POST
    @Path("/datasets/{id}/registrations/{registration}/lines")
    @Consumes(NDJSON)
    StagedRegistration stage(@PathParam("id") UUID datasetId, @PathParam("registration") UUID registration,
            @QueryParam("firstLine") long firstLine, File part);

    /** Registers every staged line, if {@code lines} were staged in all. */
    @POST
    @Path("/datasets/{id}/registrations/{registration}/commit")
    RegistrationResult commit(@PathParam("id") UUID datasetId, @PathParam("registration") UUID registration,
            @QueryParam("lines") long lines);

    @DELETE
    @Path("/datasets/{id}/registrations/{registration}")
    void abort(@PathParam("id") UUID datasetId, @PathParam("registration") UUID registration);

    @POST
    @Path("/images/referenced")
    @Consumes(MediaType.APPLICATION_JSON)
    List<String> referenced(List<String> sha256s);
}
