package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Croissant 1.0 (MLCommons) JSON-LD of a released dataset, for ML tooling: the schema.org description, the files
 * as FileObjects with their SHA-256, and a RecordSet of images whose fields are the manifest's Parquet columns.
 */
public final class CroissantMetadata {

    public static final String CONFORMS_TO = "http://mlcommons.org/croissant/1.0";
    static final String MANIFEST = "images.parquet";

    private CroissantMetadata() {
    }

    public static ObjectNode of(ObjectMapper json, ReleaseContext context, String citation, List<Artefact> files) {
        ObjectNode node = json.createObjectNode();
        node.set("@context", context(json));
        node.setAll(LinkedData.dataset(json, context, citation));
        node.put("conformsTo", CONFORMS_TO);
        ArrayNode distribution = node.putArray("distribution");
        for (Artefact file : files) {
            ObjectNode object = distribution.addObject();
            object.put("@type", "cr:FileObject");
            object.put("@id", file.name());
            object.put("name", file.name());
            object.put("contentUrl", context.file(file.name()).toString());
            object.put("contentSize", file.bytes() + " B");
            object.put("encodingFormat", file.mediaType());
            object.put("sha256", file.sha256());
        }
        ObjectNode images = node.putArray("recordSet").addObject();
        images.put("@type", "cr:RecordSet");
        images.put("@id", "images");
        images.put("name", "images");
        images.put("description", "One record per image: its id, SHA-256 and all normalised metadata.");
        images.putArray("key").addObject().put("@id", "images/id");
        ArrayNode fields = images.putArray("field");
        for (ManifestColumns.Column column : ManifestColumns.ALL) {
            ObjectNode field = fields.addObject();
            field.put("@type", "cr:Field");
            field.put("@id", "images/" + column.name());
            field.put("name", column.name());
            field.put("description", column.description());
            field.put("dataType", column.croissantType());
            ObjectNode source = field.putObject("source");
            source.putObject("fileObject").put("@id", MANIFEST);
            source.putObject("extract").put("column", column.name());
        }
        return node;
    }

    /** Croissant 1.0's JSON-LD context, as the specification gives it. */
    private static ObjectNode context(ObjectMapper json) {
        ObjectNode c = json.createObjectNode();
        c.put("@language", "en");
        c.put("@vocab", "https://schema.org/");
        c.put("sc", "https://schema.org/");
        c.put("cr", "http://mlcommons.org/croissant/");
        c.put("rai", "http://mlcommons.org/croissant/RAI/");
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("citeAs", "cr:citeAs");
        c.put("column", "cr:column");
        c.put("conformsTo", "dct:conformsTo");
        c.putObject("data").put("@id", "cr:data").put("@type", "@json");
        c.putObject("dataType").put("@id", "cr:dataType").put("@type", "@vocab");
        c.putObject("examples").put("@id", "cr:examples").put("@type", "@json");
        for (String term : List.of("extract", "field", "fileProperty", "fileObject", "fileSet", "format",
                "includes", "isLiveDataset", "jsonPath", "key", "md5", "parentField", "path", "recordSet",
                "references", "regex", "repeated", "replace", "samplingRate", "separator", "source", "subField",
                "transform")) {
            c.put(term, "cr:" + term);
        }
        return c;
    }
}
