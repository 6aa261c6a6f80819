package org.aqqua.release.publication;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aqqua.release.artefact.ArtefactSet;
import org.aqqua.release.artefact.ArtefactStore;
import org.aqqua.release.artefact.DatasetArtefacts;
import org.aqqua.release.artefact.PublicationSettings;
import org.aqqua.release.artefact.ReleaseArtefacts;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A released dataset's files for anyone, no token: the list with sizes and SHA-256, and each file as a 302 to a
 * short-lived presigned URL. Before the release nothing is there (404, as if the dataset did not exist); after a
 * withdrawal the list answers 410 with the reason and no file is served.
 */
@Path("/public/releases/datasets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public release files")
public class PublicReleaseResource {

    static final Duration LINK_VALIDITY = Duration.ofMinutes(5);

    private final ReleaseArtefacts artefacts;
    private final ArtefactStore store;
    private final PublicationSettings publication;

    PublicReleaseResource(ReleaseArtefacts artefacts, ArtefactStore store, PublicationSettings publication) {
        this.artefacts = artefacts;
        this.store = store;
        this.publication = publication;
    }

    public record PublicFile(String name, String mediaType, long bytes, String sha256, URI url) {
    }

    public record PublicFiles(UUID dataset, URI landingPage, String licence, long images, List<PublicFile> files) {
    }

    @GET
    public PublicFiles files(@PathParam("id") UUID id) {
        ArtefactSet set = published(id);
        URI base = publication.filesBase(id);
        List<PublicFile> files = set.files.stream().map(file -> new PublicFile(file.name(), file.mediaType(),
                file.bytes(), file.sha256(), base.resolve(file.name()))).toList();
        return new PublicFiles(id, publication.landingPage(id), "CC-BY-NC-4.0", set.imageCount, files);
    }

    @GET
    @Path("/files/{name}")
    public Response file(@PathParam("id") UUID id, @PathParam("name") String name) throws Exception {
        ArtefactSet set = published(id);
        boolean listed = name.equals(DatasetArtefacts.MANIFEST)
                || set.files.stream().anyMatch(file -> file.name().equals(name));
        if (!listed) {
            throw ProblemException.notFound("Released dataset " + id + " has no file " + name + ".");
        }
        return Response.status(Response.Status.FOUND)
                .location(URI.create(store.downloadUrl(set.prefix + name, LINK_VALIDITY))).build();
    }

    private ArtefactSet published(UUID id) {
        ArtefactSet set = artefacts.publicSet(id).orElseThrow(() -> ProblemException.notFound(
                "No released dataset " + id + "."));
        return set;
    }
}
