package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * The schema.org description of a released dataset, shared by the landing page's JSON-LD and by Croissant (which
 * extends schema.org's Dataset): name, description, licence, creators with affiliation and ORCID, dates,
 * keywords, spatial and temporal coverage, citation.
 */
final class LinkedData {

    private LinkedData() {
    }

    static ObjectNode dataset(ObjectMapper json, ReleaseContext context, String citation) {
        CatalogAttribution d = context.dataset();
        ObjectNode node = json.createObjectNode();
        node.put("@type", "sc:Dataset");
        node.put("name", d.title());
        node.put("description", context.description());
        node.put("url", context.landingPage().toString());
        node.put("license", ReleaseContext.LICENCE_URL.toString());
        node.put("datePublished", context.releaseDate());
        node.put("citeAs", citation);
        node.put("isAccessibleForFree", true);
        ArrayNode creators = node.putArray("creator");
        Creator.of(d).forEach(creator -> person(creators.addObject(), creator));
        ObjectNode publisher = node.putObject("publisher");
        publisher.put("@type", "sc:Organization");
        publisher.put("name", ReleaseContext.PUBLISHER);
        ArrayNode keywords = node.putArray("keywords").add("plankton").add("marine particles").add("imaging");
        d.extent().instruments().forEach(keywords::add);
        CatalogAttribution.Extent e = d.extent();
        if (e.minLatitude() != null) {
            ObjectNode place = node.putObject("spatialCoverage");
            place.put("@type", "sc:Place");
            ObjectNode shape = place.putObject("geo");
            shape.put("@type", "sc:GeoShape");
            // schema.org's box: "south west north east".
            shape.put("box", e.minLatitude() + " " + e.minLongitude() + " " + e.maxLatitude() + " "
                    + e.maxLongitude());
        }
        if (e.firstObservedAt() != null) {
            node.put("temporalCoverage", e.firstObservedAt() + "/" + e.lastObservedAt());
        }
        return node;
    }

    static void person(ObjectNode node, Creator creator) {
        node.put("@type", "sc:Person");
        node.put("name", creator.full());
        if (creator.affiliation() != null && !creator.affiliation().isBlank()) {
            ObjectNode organisation = node.putObject("affiliation");
            organisation.put("@type", "sc:Organization");
            organisation.put("name", creator.affiliation());
        }
        if (creator.orcidUrl() != null) {
            node.put("sameAs", creator.orcidUrl());
        }
    }
}
