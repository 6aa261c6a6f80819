package org.aqqua.release.landing;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.aqqua.catalog.client.CatalogAttribution;
import org.aqqua.release.artefact.ArtefactSet;
import org.aqqua.release.artefact.PublicationSettings;

/**
 * What a released dataset's landing page shows, computed from its published artefact set: title, authors,
 * citation, licence, counts, instruments, where and when (with the box drawn on a world map), downloads and the
 * schema.org JSON-LD that goes into the page's head.
 */
public record DatasetPage(String id, String title, String description, List<String> authors, String doi,
        String citation, String releaseDate, long images, String size, List<String> instruments, Box box,
        String period, List<Download> downloads, String jsonLd, URI filesListing) {

    public record Download(String name, String url, String size, String sha256) {
    }

    /** The images' bounding box, in degrees and as an SVG rectangle on a 360 × 180 equirectangular map. */
    public record Box(double west, double south, double east, double north) {

        public double x() {
            return west + 180;
        }

        public double y() {
            return 90 - north;
        }

        /** At least a visible dot for a single station. */
        public double width() {
            return Math.max(1.5, east - west);
        }

        public double height() {
            return Math.max(1.5, north - south);
        }
    }

    static DatasetPage of(ArtefactSet set, PublicationSettings publication) {
        CatalogAttribution d = set.attribution;
        List<String> authors = new java.util.ArrayList<>();
        if (d.owner() != null) {
            authors.add(d.owner().name() + (d.owner().affiliation() == null ? "" : " (" + d.owner().affiliation() + ")"));
        }
        d.contributors().forEach(c -> authors.add(c.name() + (c.affiliation() == null ? "" : " (" + c.affiliation() + ")")));
        CatalogAttribution.Extent e = d.extent();
        Box box = e.minLatitude() == null ? null
                : new Box(e.minLongitude(), e.minLatitude(), e.maxLongitude(), e.maxLatitude());
        String period = e.firstObservedAt() == null ? null
                : e.firstObservedAt().atOffset(ZoneOffset.UTC).toLocalDate() + " to "
                        + e.lastObservedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        URI files = publication.filesBase(set.datasetId);
        List<Download> downloads = set.files.stream().map(file -> new Download(file.name(),
                files.resolve(file.name()).toString(), bytes(file.bytes()), file.sha256())).toList();
        return new DatasetPage(set.datasetId.toString(), d.title(), d.comment(), authors, set.doi, set.citation,
                set.releaseInstant.atOffset(ZoneOffset.UTC).toLocalDate().toString(), e.images(), bytes(e.bytes()),
                e.instruments(), box, period, downloads, safeForScript(set.schemaOrg),
                publication.releaseUrl().resolve("public/releases/datasets/" + set.datasetId));
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** JSON inside a script element must not close it: "</" is written as "<\/", which JSON reads the same. */
    static String safeForScript(String json) {
        return json.replace("</", "<\\/");
    }
}
