package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** schema.org Dataset JSON-LD of a released dataset, as search engines read it from the landing page. */
public final class SchemaOrgDataset {

    private SchemaOrgDataset() {
    }

    public static ObjectNode of(ObjectMapper json, ReleaseContext context, String citation, List<Artefact> files) {
        ObjectNode node = LinkedData.dataset(json, context, citation);
        ObjectNode vocabulary = json.createObjectNode().put("@vocab", "https://schema.org/")
                .put("sc", "https://schema.org/");
        node.set("@context", vocabulary);
        var distribution = node.putArray("distribution");
        for (Artefact file : files) {
            ObjectNode download = distribution.addObject();
            download.put("@type", "sc:DataDownload");
            download.put("name", file.name());
            download.put("encodingFormat", file.mediaType());
            download.put("contentUrl", context.file(file.name()).toString());
            download.put("contentSize", file.bytes() + " B");
            download.put("sha256", file.sha256());
        }
        return node;
    }
}
