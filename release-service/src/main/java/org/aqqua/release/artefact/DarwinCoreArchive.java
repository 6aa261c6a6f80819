package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Darwin Core Archive for OBIS and GBIF: an occurrence core (one MachineObservation per image), the GBIF Simple
 * Multimedia extension with each image's public URL, {@code meta.xml} describing both, and {@code eml.xml} with
 * the licence. Written from the catalog's JSON Lines export of the dataset in one pass, so memory stays flat
 * whatever the number of images.
 */
public final class DarwinCoreArchive {

    static final String DWC = "http://rs.tdwg.org/dwc/terms/";
    static final String DC = "http://purl.org/dc/terms/";
    static final String OCCURRENCE = DWC + "Occurrence";
    static final String MULTIMEDIA = "http://rs.gbif.org/terms/1.0/Multimedia";

    /** A column of a data file: its term and how an image record fills it. */
    record Term(String uri, Function<JsonNode, String> value) {
    }

    private final ReleaseContext context;
    private final ObjectMapper json;

    public DarwinCoreArchive(ReleaseContext context, ObjectMapper json) {
        this.context = context;
        this.json = json;
    }

    List<Term> occurrenceTerms() {
        return List.of(
                new Term(DWC + "occurrenceID", image -> "aqqua:image:" + image.path("id").asText()),
                new Term(DWC + "basisOfRecord", image -> "MachineObservation"),
                new Term(DWC + "eventDate", image -> text(image, "observedAt")),
                new Term(DWC + "decimalLatitude", image -> text(image, "latitude")),
                new Term(DWC + "decimalLongitude", image -> text(image, "longitude")),
                new Term(DWC + "geodeticDatum", image -> "EPSG:4326"),
                new Term(DWC + "minimumDepthInMeters", image -> text(image, "depthMin")),
                new Term(DWC + "maximumDepthInMeters", image -> text(image, "depthMax")),
                new Term(DWC + "scientificName", image -> image.hasNonNull("label") ? text(image, "label") : "Biota"),
                new Term(DWC + "identificationVerificationStatus", image -> text(image, "labelStatus")),
                new Term(DWC + "samplingProtocol", image -> text(image, "instrument")),
                new Term(DWC + "eventID", image -> text(image, "sampleId")),
                new Term(DWC + "catalogNumber", image -> text(image, "objectId")),
                new Term(DWC + "occurrenceStatus", image -> "present"),
                new Term(DWC + "datasetID", image -> context.landingPage().toString()),
                new Term(DC + "license", image -> ReleaseContext.LICENCE_URL.toString()));
    }

    List<Term> multimediaTerms() {
        return List.of(
                new Term(DC + "type", image -> "StillImage"),
                new Term(DC + "format", image -> "image/" + text(image, "format")),
                new Term(DC + "identifier", image -> context.imageUrl(image.path("id").asLong()).toString()),
                new Term(DC + "license", image -> ReleaseContext.LICENCE_URL.toString()),
                new Term(DC + "creator", image -> context.dataset().owner() == null ? ""
                        : context.dataset().owner().name()));
    }

    /**
     * Writes the archive (a zip) from the dataset's JSON Lines export, reading it once: the occurrence core goes
     * straight into the zip while the multimedia rows go to a file beside the export, copied in after it.
     */
    public void write(Path imagesJsonl, OutputStream out) throws IOException {
        Path multimedia = Files.createTempFile(imagesJsonl.toAbsolutePath().getParent(), "multimedia-", ".txt");
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("occurrence.txt"));
            try (Writer multimediaRows = Files.newBufferedWriter(multimedia, StandardCharsets.UTF_8)) {
                tables(imagesJsonl, new OutputStreamWriter(zip, StandardCharsets.UTF_8), multimediaRows);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("multimedia.txt"));
            Files.copy(multimedia, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("meta.xml"));
            meta(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("eml.xml"));
            new EmlDocument(context).write(zip);
            zip.closeEntry();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the archive's XML", e);
        } finally {
            Files.deleteIfExists(multimedia);
        }
    }

    /**
     * Both tab-separated files, one row per image each: the id column (the core's occurrenceID, the extension's
     * core id), then the terms.
     */
    private void tables(Path imagesJsonl, Writer occurrences, Writer multimedia) throws IOException {
        List<Term> occurrenceTerms = occurrenceTerms();
        List<Term> multimediaTerms = multimediaTerms();
        occurrences.write(header(occurrenceTerms));
        multimedia.write(header(multimediaTerms));
        try (BufferedReader lines = Files.newBufferedReader(imagesJsonl, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode image = json.readTree(line);
                occurrences.write(row(image, occurrenceTerms));
                multimedia.write(row(image, multimediaTerms));
            }
        }
        occurrences.flush();
    }

    private static String header(List<Term> terms) {
        StringBuilder header = new StringBuilder("id");
        terms.forEach(term -> header.append('\t').append(term.uri().substring(term.uri().lastIndexOf('/') + 1)));
        return header.append('\n').toString();
    }

    private static String row(JsonNode image, List<Term> terms) {
        StringBuilder row = new StringBuilder("aqqua:image:").append(image.path("id").asText());
        for (Term term : terms) {
            row.append('\t').append(clean(term.value().apply(image)));
        }
        return row.append('\n').toString();
    }

    private void meta(OutputStream zip) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(zip, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("archive");
        xml.writeDefaultNamespace("http://rs.tdwg.org/dwc/text/");
        xml.writeAttribute("metadata", "eml.xml");
        file(xml, "core", OCCURRENCE, "occurrence.txt", "id", occurrenceTerms());
        file(xml, "extension", MULTIMEDIA, "multimedia.txt", "coreid", multimediaTerms());
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void file(XMLStreamWriter xml, String kind, String rowType, String location, String idElement,
            List<Term> terms) throws XMLStreamException {
        xml.writeStartElement(kind);
        xml.writeAttribute("encoding", "UTF-8");
        xml.writeAttribute("fieldsTerminatedBy", "\\t");
        xml.writeAttribute("linesTerminatedBy", "\\n");
        xml.writeAttribute("fieldsEnclosedBy", "");
        xml.writeAttribute("ignoreHeaderLines", "1");
        xml.writeAttribute("rowType", rowType);
        xml.writeStartElement("files");
        xml.writeStartElement("location");
        xml.writeCharacters(location);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEmptyElement(idElement);
        xml.writeAttribute("index", "0");
        for (int i = 0; i < terms.size(); i++) {
            xml.writeEmptyElement("field");
            xml.writeAttribute("index", Integer.toString(i + 1));
            xml.writeAttribute("term", terms.get(i).uri());
        }
        xml.writeEndElement();
    }

    private static String text(JsonNode image, String field) {
        JsonNode value = image.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** Tabs and line breaks would break the table; providers' labels may hold them. */
    private static String clean(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
