package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * Frictionless Data Package ({@code datapackage.json}) of a released dataset: licence, contributors, and each
 * file as a resource with its SHA-256 and size; the image manifest with its table schema.
 */
public final class DataPackage {

    private DataPackage() {
    }

    public static ObjectNode of(ObjectMapper json, ReleaseContext context, List<Artefact> files) {
        CatalogAttribution d = context.dataset();
        ObjectNode node = json.createObjectNode();
        node.put("profile", "data-package");
        node.put("name", "aqqua-" + d.id());
        node.put("id", context.landingPage().toString());
        node.put("title", d.title());
        node.put("description", context.description());
        node.put("homepage", context.landingPage().toString());
        node.put("created", context.releasedAt().toString());
        node.putArray("licenses").addObject().put("name", ReleaseContext.LICENCE_SPDX)
                .put("path", ReleaseContext.LICENCE_URL.toString()).put("title", ReleaseContext.LICENCE_NAME);
        ArrayNode contributors = node.putArray("contributors");
        if (d.owner() != null) {
            contributors.addObject().put("title", d.owner().name()).put("role", "author")
                    .put("organization", d.owner().affiliation());
        }
        for (CatalogAttribution.Contributor c : d.contributors()) {
            ObjectNode contributor = contributors.addObject().put("title", c.name()).put("role", "contributor");
            if (c.affiliation() != null) {
                contributor.put("organization", c.affiliation());
            }
        }
        ArrayNode resources = node.putArray("resources");
        for (Artefact file : files) {
            ObjectNode resource = resources.addObject();
            resource.put("name", file.name().replaceAll("[^a-z0-9._-]", "-").toLowerCase(java.util.Locale.ROOT));
            resource.put("path", context.file(file.name()).toString());
            resource.put("mediatype", file.mediaType());
            resource.put("bytes", file.bytes());
            resource.put("hash", "sha256:" + file.sha256());
            if (file.name().equals(CroissantMetadata.MANIFEST)) {
                resource.put("format", "parquet");
                ArrayNode fields = resource.putObject("schema").putArray("fields");
                for (ManifestColumns.Column column : ManifestColumns.ALL) {
                    fields.addObject().put("name", column.name()).put("type", column.frictionlessType())
                            .put("description", column.description());
                }
                resource.withObject("/schema").put("primaryKey", "id");
            }
        }
        return node;
    }
}
