package org.aqqua.catalog.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The catalog's {@code /internal/datasets} API. Every call carries this service's own client-credentials token
 * (quarkus-oidc-client), never the token of the user the service is working for.
 */
@RegisterRestClient(configKey = "catalog")
@OidcClientFilter
@Path("/internal/datasets")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogInternalApi {

    @GET
    @Path("/{id}")
    CatalogDataset get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/attribution")
    CatalogAttribution attribution(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/owner-contact")
    CatalogOwnerContact ownerContact(@PathParam("id") UUID id);

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    CatalogDataset changeStatus(@PathParam("id") UUID id, StatusChangeRequest change);

    /** Every dataset in id order, with what the release plan needs; {@code status} and {@code after} may be null. */
    @GET
    @Path("/page")
    CatalogReleaseFactsPage page(@QueryParam("status") String status, @QueryParam("after") UUID after,
            @QueryParam("limit") int limit);
}
