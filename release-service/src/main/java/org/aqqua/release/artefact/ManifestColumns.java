package org.aqqua.release.artefact;

import java.util.List;

/**
 * The columns of a dataset's image manifest ({@code images.parquet}, the catalog's Parquet training manifest),
 * described for Croissant and Frictionless. A release test reads the Parquet file back and checks its schema
 * against this list, so the descriptions cannot drift from the file.
 */
public final class ManifestColumns {

    /** One column: its name, schema.org data type (Croissant), Frictionless type and what it holds. */
    public record Column(String name, String croissantType, String frictionlessType, String description) {
    }

    public static final List<Column> ALL = List.of(
            new Column("id", "sc:Integer", "integer", "AqQua image id; the public image is /public/images/{id}/content"),
            new Column("dataset_id", "sc:Text", "string", "AqQua dataset id"),
            new Column("object_id", "sc:Text", "string", "the provider's object id"),
            new Column("sha256", "sc:Text", "string", "SHA-256 of the image file"),
            new Column("storage_key", "sc:Text", "string", "path of the image in AqQua's image store"),
            new Column("bytes", "sc:Integer", "integer", "size of the image file"),
            new Column("width", "sc:Integer", "integer", "width in pixels"),
            new Column("height", "sc:Integer", "integer", "height in pixels"),
            new Column("format", "sc:Text", "string", "image format (png, jpeg, gif, tiff, bmp)"),
            new Column("pixel_size_um", "sc:Float", "number", "pixel size in micrometres"),
            new Column("latitude", "sc:Float", "number", "decimal degrees north, WGS 84"),
            new Column("longitude", "sc:Float", "number", "decimal degrees east, WGS 84"),
            new Column("depth_min", "sc:Float", "number", "minimum depth in metres"),
            new Column("depth_max", "sc:Float", "number", "maximum depth in metres"),
            new Column("altitude", "sc:Float", "number", "altitude in metres (lakes)"),
            new Column("observed_at", "sc:DateTime", "datetime", "observation instant, UTC"),
            new Column("instrument", "sc:Text", "string", "imaging instrument (EcoTaxa vocabulary)"),
            new Column("sample_id", "sc:Text", "string", "the provider's sample id"),
            new Column("label", "sc:Text", "string", "taxonomic or morphological label"),
            new Column("label_status", "sc:Text", "string", "predicted, validated or dubious"),
            new Column("traits", "sc:Text", "object", "measured traits, JSON"),
            new Column("raw", "sc:Text", "object", "the provider's original columns, JSON"));

    private ManifestColumns() {
    }
}
