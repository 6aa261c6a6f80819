package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aqqua.catalog.client.CatalogAttribution;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Validates a release's files before anyone may see them, and says what is wrong in words a curator can act on:
 * DataCite's mandatory properties and the release's date and licence; Croissant 1.0's required fields and that
 * every file it names is listed with its SHA-256; the Darwin Core Archive's meta.xml against its data files
 * (files present, column counts, one row per image); the Parquet manifest's framing; and that no text file
 * holds an e-mail address, since contact details are never public.
 */
public final class ArtefactChecks {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final ObjectMapper json;

    public ArtefactChecks(ObjectMapper json) {
        this.json = json;
    }

    public List<String> check(Path dir, List<Artefact> files, CatalogAttribution dataset, Instant releasedAt) {
        List<String> problems = new ArrayList<>();
        run(problems, "datacite.xml", () -> dataCite(dir.resolve("datacite.xml"), releasedAt, problems));
        run(problems, "croissant.json", () -> croissant(dir.resolve("croissant.json"), files, problems));
        run(problems, "dwca.zip", () -> darwinCore(dir.resolve("dwca.zip"), dataset.extent().images(), problems));
        run(problems, CroissantMetadata.MANIFEST, () -> parquet(dir.resolve(CroissantMetadata.MANIFEST), problems));
        if (files.stream().anyMatch(file -> file.name().equals(ImagePackFiles.INDEX))) {
            run(problems, ImagePackFiles.INDEX, () -> packIndex(dir.resolve(ImagePackFiles.INDEX), files,
                    dataset.extent().images(), problems));
        }
        for (Artefact file : files) {
            // Images and the Parquet manifest are binary; packs are stored as they are made and are gone here.
            if (!file.name().endsWith(".parquet") && !file.name().endsWith(".tar")) {
                run(problems, file.name(), () -> noEmail(dir.resolve(file.name()), file.name(), problems));
            }
        }
        return problems;
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void run(List<String> problems, String file, Check check) {
        try {
            check.run();
        } catch (Exception e) {
            problems.add(file + ": could not be read (" + e.getMessage() + ")");
        }
    }

    void dataCite(Path file, Instant releasedAt, List<String> problems) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(file.toFile());
        Element root = xml.getDocumentElement();
        if (!DataCiteXml.NAMESPACE.equals(root.getNamespaceURI()) || !"resource".equals(root.getLocalName())) {
            problems.add("datacite.xml: the root is not DataCite kernel-4's resource");
        }
        String doi = text(root, "identifier");
        if (doi == null || !doi.matches("10\\.\\d{4,9}/\\S+")) {
            problems.add("datacite.xml: identifier is not a DOI (" + doi + ")");
        }
        for (String mandatory : List.of("creatorName", "title", "publisher", "publicationYear", "resourceType")) {
            String value = text(root, mandatory);
            if (value == null || value.isBlank()) {
                problems.add("datacite.xml: mandatory property " + mandatory + " is missing or empty");
            }
        }
        if (!String.valueOf(releasedAt.atOffset(ZoneOffset.UTC).getYear()).equals(text(root, "publicationYear"))) {
            problems.add("datacite.xml: publicationYear is not the release's year");
        }
        Element type = first(root, "resourceType");
        if (type != null && !"Dataset".equals(type.getAttribute("resourceTypeGeneral"))) {
            problems.add("datacite.xml: resourceTypeGeneral is not Dataset");
        }
        Element available = null;
        NodeList dates = root.getElementsByTagNameNS(DataCiteXml.NAMESPACE, "date");
        for (int i = 0; i < dates.getLength(); i++) {
            Element date = (Element) dates.item(i);
            if ("Available".equals(date.getAttribute("dateType"))) {
                available = date;
            }
        }
        if (available == null || !available.getTextContent().equals(releasedAt.atOffset(ZoneOffset.UTC)
                .toLocalDate().toString())) {
            problems.add("datacite.xml: no Available date equal to the release date");
        }
        Element rights = first(root, "rights");
        if (rights == null || !ReleaseContext.LICENCE_SPDX.equals(rights.getAttribute("rightsIdentifier"))) {
            problems.add("datacite.xml: rights is not " + ReleaseContext.LICENCE_SPDX);
        }
    }

    void croissant(Path file, List<Artefact> files, List<String> problems) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        for (String required : List.of("@context", "@type", "conformsTo", "name", "description", "license", "url",
                "creator", "datePublished", "distribution", "recordSet")) {
            if (!root.hasNonNull(required) || root.get(required).isEmpty() && root.get(required).isContainerNode()) {
                problems.add("croissant.json: required property " + required + " is missing or empty");
            }
        }
        if (!"sc:Dataset".equals(root.path("@type").asText())) {
            problems.add("croissant.json: @type is not sc:Dataset");
        }
        if (!CroissantMetadata.CONFORMS_TO.equals(root.path("conformsTo").asText())) {
            problems.add("croissant.json: conformsTo is not " + CroissantMetadata.CONFORMS_TO);
        }
        Set<String> objects = new HashSet<>();
        for (JsonNode object : root.path("distribution")) {
            String id = object.path("@id").asText();
            objects.add(id);
            for (String required : List.of("@id", "name", "contentUrl", "encodingFormat", "sha256")) {
                if (object.path(required).asText().isBlank()) {
                    problems.add("croissant.json: FileObject " + id + " has no " + required);
                }
            }
            boolean listed = files.stream().anyMatch(f -> f.name().equals(id)
                    && f.sha256().equals(object.path("sha256").asText()));
            if (!listed) {
                problems.add("croissant.json: FileObject " + id + " does not match a released file and its SHA-256");
            }
        }
        for (JsonNode recordSet : root.path("recordSet")) {
            for (JsonNode field : recordSet.path("field")) {
                String source = field.path("source").path("fileObject").path("@id").asText();
                if (!objects.contains(source)) {
                    problems.add("croissant.json: field " + field.path("@id").asText() + " reads from " + source
                            + ", which is not in the distribution");
                }
                if (field.path("dataType").asText().isBlank()) {
                    problems.add("croissant.json: field " + field.path("@id").asText() + " has no dataType");
                }
            }
        }
    }

    void darwinCore(Path file, long images, List<String> problems) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry meta = zip.getEntry("meta.xml");
            if (meta == null) {
                problems.add("dwca.zip: no meta.xml");
                return;
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document xml;
            try (InputStream in = zip.getInputStream(meta)) {
                xml = factory.newDocumentBuilder().parse(in);
            }
            String metadata = xml.getDocumentElement().getAttribute("metadata");
            if (metadata.isBlank() || zip.getEntry(metadata) == null) {
                problems.add("dwca.zip: meta.xml names metadata " + metadata + ", which is not in the archive");
            }
            for (String kind : List.of("core", "extension")) {
                NodeList parts = xml.getElementsByTagNameNS("*", kind);
                for (int i = 0; i < parts.getLength(); i++) {
                    dataFile(zip, (Element) parts.item(i), images, problems);
                }
            }
        }
    }

    private static void dataFile(ZipFile zip, Element part, long images, List<String> problems) throws IOException {
        String location = part.getElementsByTagNameNS("*", "location").item(0).getTextContent();
        ZipEntry entry = zip.getEntry(location);
        if (entry == null) {
            problems.add("dwca.zip: meta.xml names " + location + ", which is not in the archive");
            return;
        }
        int columns = 1;
        NodeList fields = part.getElementsByTagNameNS("*", "field");
        for (int i = 0; i < fields.getLength(); i++) {
            columns = Math.max(columns, Integer.parseInt(((Element) fields.item(i)).getAttribute("index")) + 1);
        }
        long rows = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                StandardCharsets.UTF_8))) {
            String header = lines.readLine();
            if (header == null || header.split("\t", -1).length != columns) {
                problems.add("dwca.zip: " + location + "'s header does not have the " + columns
                        + " columns meta.xml describes");
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows++;
                if (line.split("\t", -1).length != columns) {
                    problems.add("dwca.zip: " + location + " line " + (rows + 1) + " does not have " + columns
                            + " columns");
                    return;
                }
            }
        }
        if (rows != images) {
            problems.add("dwca.zip: " + location + " has " + rows + " rows for " + images + " images");
        }
    }

    /** One index row per image, each naming a released pack. */
    static void packIndex(Path file, List<Artefact> files, long images, List<String> problems) throws IOException {
        Set<String> packs = new HashSet<>();
        files.stream().map(Artefact::name).filter(name -> name.endsWith(".tar")).forEach(packs::add);
        long rows = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows++;
                String pack = line.split(",", -1)[1];
                if (!packs.contains(pack)) {
                    problems.add(ImagePackFiles.INDEX + " line " + (rows + 1) + ": names " + pack
                            + ", which is not a released pack");
                    return;
                }
            }
        }
        if (rows != images) {
            problems.add(ImagePackFiles.INDEX + ": " + rows + " images indexed for " + images + " images");
        }
    }

    static void parquet(Path file, List<String> problems) throws IOException {
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] head = new byte[4];
            byte[] tail = new byte[4];
            if (in.length() < 12) {
                problems.add(CroissantMetadata.MANIFEST + ": too short to be Parquet");
                return;
            }
            in.readFully(head);
            in.seek(in.length() - 4);
            in.readFully(tail);
            if (!java.util.Arrays.equals(head, magic) || !java.util.Arrays.equals(tail, magic)) {
                problems.add(CroissantMetadata.MANIFEST + ": not framed as Parquet (PAR1 ... PAR1)");
            }
        }
    }

    void noEmail(Path file, String name, List<String> problems) throws IOException {
        if (name.endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                            StandardCharsets.UTF_8))) {
                        scan(lines, name + "/" + entry.getName(), problems);
                    }
                }
            }
        } else {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                scan(lines, name, problems);
            }
        }
    }

    private static void scan(BufferedReader lines, String name, List<String> problems) throws IOException {
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            // Most lines have no '@': skipping them spares the pattern's backtracking over every word.
            if (line.indexOf('@') >= 0 && EMAIL.matcher(line).find()) {
                problems.add(name + " line " + number + ": holds an e-mail address; contact details are never public");
                return;
            }
        }
    }

    private static Element first(Element root, String name) {
        NodeList found = root.getElementsByTagNameNS(DataCiteXml.NAMESPACE, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static String text(Element root, String name) {
        Element element = first(root, name);
        return element == null ? null : element.getTextContent();
    }
}
