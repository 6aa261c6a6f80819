package org.aqqua.release.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.aqqua.release.artefact.AqquaCollection;
import org.aqqua.release.artefact.ArtefactSet;
import org.aqqua.release.artefact.DataCiteXml;
import org.aqqua.release.artefact.PublicationSettings;
import org.aqqua.release.plan.ReleasePlanner;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * AqQua's dataset as a whole, for anyone: its DataCite record (every owner a creator, every released dataset a
 * part) and its citation, from what is released at this moment; 404 while nothing is.
 */
@Path("/public/releases/aqqua")
@Tag(name = "Public release files")
public class PublicCollectionResource {

    private final Clock clock;
    private final PublicationSettings publication;
    private final Instant releaseInstant;
    private final ObjectMapper json;

    PublicCollectionResource(Clock clock, PublicationSettings publication, ReleasePlanner planner,
            ObjectMapper json) {
        this.clock = clock;
        this.publication = publication;
        this.releaseInstant = planner.policy().releaseInstant();
        this.json = json;
    }

    @GET
    @Path("/datacite.xml")
    @Produces("application/xml")
    public StreamingOutput dataCite() {
        DataCiteXml.Record record = collection().dataCite();
        return out -> {
            try {
                DataCiteXml.write(record, out);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new java.io.IOException(e);
            }
        };
    }

    @GET
    @Path("/citation.txt")
    @Produces("text/plain; charset=UTF-8")
    public String citation() {
        return collection().citation().text();
    }

    @GET
    @Path("/citation.bib")
    @Produces("application/x-bibtex")
    public String bibtex() {
        return collection().citation().bibtex();
    }

    @GET
    @Path("/citation.csl.json")
    @Produces("application/vnd.citationstyles.csl+json")
    public String csl() {
        return collection().citation().cslJson(json);
    }

    private AqquaCollection collection() {
        Instant now = clock.instant();
        List<ArtefactSet> published = QuarkusTransaction.requiringNew().call(() -> ArtefactSet.allPublicAt(now));
        if (published.isEmpty()) {
            throw ProblemException.notFound("Nothing of AqQua is released yet.");
        }
        return new AqquaCollection(published, releaseInstant, publication);
    }
}
