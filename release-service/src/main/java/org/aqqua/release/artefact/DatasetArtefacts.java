package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogAttribution;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.catalog.client.CatalogExports;
import org.aqqua.runtime.files.ScratchDirectories;
import org.aqqua.runtime.time.PhaseTimer;
import org.jboss.logging.Logger;

/**
 * Builds every artefact of one dataset's release in a scratch folder, checks them ({@link ArtefactChecks}) and
 * stores them under a prefix of aqqua-releases, {@code manifest.json} (each file with its SHA-256) last. The
 * image records come from the catalog's internal export, streamed to disk: memory stays flat.
 */
@ApplicationScoped
public class DatasetArtefacts {

    private static final Logger LOG = Logger.getLogger(DatasetArtefacts.class);

    public static final String MANIFEST = "manifest.json";

    private final CatalogDatasets catalog;
    private final CatalogExports exports;
    private final ArtefactStore store;
    private final ImagePackFiles packFiles;
    private final PublicationSettings publication;
    private final ObjectMapper json;

    DatasetArtefacts(CatalogDatasets catalog, CatalogExports exports, ArtefactStore store, ImagePackFiles packFiles,
            PublicationSettings publication, ObjectMapper json) {
        this.catalog = catalog;
        this.exports = exports;
        this.store = store;
        this.packFiles = packFiles;
        this.publication = publication;
        this.json = json;
    }

    /** What a build produced: the stored files, the image count, and anything the checks found wrong. */
    public record Built(UUID datasetId, String prefix, long images, List<Artefact> files, List<String> problems,
            CatalogAttribution attribution, String doi, String citation, String schemaOrg) {
    }

    public Built build(UUID datasetId, Instant releasedAt, String prefix) throws Exception {
        CatalogAttribution dataset = catalog.attribution(datasetId);
        ReleaseContext context = new ReleaseContext(dataset, releasedAt, publication.landingPage(datasetId),
                publication.filesBase(datasetId), publication.catalogUrl());
        Path dir = Files.createTempDirectory("aqqua-release-");
        PhaseTimer timer = new PhaseTimer(LOG, "Artefacts of dataset " + datasetId);
        try {
            Path jsonl = dir.resolve("images.jsonl.tmp");
            exports.download(datasetId, "parquet", dir.resolve(CroissantMetadata.MANIFEST));
            timer.lap(CroissantMetadata.MANIFEST + " exported");
            exports.download(datasetId, "jsonl", jsonl);
            timer.lap("records exported as JSON Lines");
            try (OutputStream out = Files.newOutputStream(dir.resolve("dwca.zip"))) {
                new DarwinCoreArchive(context, json).write(jsonl, out);
            }
            timer.lap("dwca.zip written");
            List<Artefact> data = new ArrayList<>(List.of(describe(dir, CroissantMetadata.MANIFEST,
                    "application/vnd.apache.parquet"), describe(dir, "dwca.zip", "application/zip")));
            timer.lap("both hashed");
            // Packs are stored as they are made; everything else is stored at the end.
            List<Artefact> packs = packFiles.write(datasetId, dir, prefix);
            data.addAll(packs);
            timer.lap(packs.isEmpty() ? "no image packs" : (packs.size() - 1) + " image pack(s) stored");

            Citation citation = Citation.of(context);
            DataCiteXml.Record dataCite = DataCiteXml.of(context, publication.doiPrefix());
            Files.writeString(dir.resolve("citation.txt"), citation.text());
            Files.writeString(dir.resolve("citation.bib"), citation.bibtex());
            Files.writeString(dir.resolve("citation.csl.json"), citation.cslJson(json));
            try (OutputStream out = Files.newOutputStream(dir.resolve("datacite.xml"))) {
                DataCiteXml.write(dataCite, out);
            }
            ObjectNode schemaOrg = SchemaOrgDataset.of(json, context, citation.text(), data);
            writeJson(dir.resolve("schema-org.jsonld"), schemaOrg);
            writeJson(dir.resolve("croissant.json"), CroissantMetadata.of(json, context, citation.text(), data));
            writeJson(dir.resolve("datapackage.json"), DataPackage.of(json, context, data));

            List<Artefact> files = new ArrayList<>(data);
            files.add(describe(dir, "citation.txt", "text/plain; charset=UTF-8"));
            files.add(describe(dir, "citation.bib", "application/x-bibtex"));
            files.add(describe(dir, "citation.csl.json", "application/vnd.citationstyles.csl+json"));
            files.add(describe(dir, "datacite.xml", "application/xml"));
            files.add(describe(dir, "schema-org.jsonld", "application/ld+json"));
            files.add(describe(dir, "croissant.json", "application/ld+json"));
            files.add(describe(dir, "datapackage.json", "application/json"));

            timer.lap("metadata and citation written");
            List<String> problems = new ArtefactChecks(json).check(dir, files, dataset, releasedAt);
            timer.lap("checked");
            ObjectNode manifest = json.createObjectNode();
            manifest.put("dataset", datasetId.toString());
            manifest.put("title", dataset.title());
            manifest.put("doi", dataCite.doi());
            manifest.put("releaseInstant", releasedAt.toString());
            manifest.put("licence", ReleaseContext.LICENCE_SPDX);
            manifest.put("images", dataset.extent().images());
            manifest.set("files", json.valueToTree(files));
            writeJson(dir.resolve(MANIFEST), manifest);

            for (Artefact file : files) {
                if (Files.exists(dir.resolve(file.name()))) {
                    store.put(prefix + file.name(), dir.resolve(file.name()), file.mediaType());
                }
            }
            store.put(prefix + MANIFEST, dir.resolve(MANIFEST), "application/json");
            timer.lap("stored");
            return new Built(datasetId, prefix, dataset.extent().images(), files, problems, dataset, dataCite.doi(),
                    citation.text(), json.writeValueAsString(schemaOrg));
        } finally {
            ScratchDirectories.delete(dir);
        }
    }

    private void writeJson(Path file, ObjectNode node) throws IOException {
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                StandardCharsets.UTF_8);
    }

    static Artefact describe(Path dir, String name, String mediaType) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(name)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Artefact(name, mediaType, Files.size(dir.resolve(name)), HexFormat.of().formatHex(digest.digest()));
    }
}
