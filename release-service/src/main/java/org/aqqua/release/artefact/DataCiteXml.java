package org.aqqua.release.artefact;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.aqqua.catalog.client.CatalogAttribution;
import org.aqqua.runtime.text.PublishableText;

/**
 * DataCite Metadata Schema 4 (kernel-4) XML: creators with affiliation and ORCID, contributors, dates with
 * Available = the release date, rights CC-BY-NC-4.0 (SPDX), a geoLocationBox and the collection period, and for
 * AqQua's whole dataset its parts ({@code HasPart}). DOIs are the configured prefix and an AqQua suffix;
 * DataCite's test prefix 10.5072 stands in until AqQua's own is configured.
 */
public final class DataCiteXml {

    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    static final String SCHEMA_LOCATION = NAMESPACE + " https://schema.datacite.org/meta/kernel-4.5/metadata.xsd";

    /** What a DataCite record says; lists may be empty and {@code box}, {@code collected} null. */
    public record Record(String doi, List<Creator> creators, List<Creator> contributors, String title, int year,
            String releaseDate, String collected, List<String> subjects, List<String> sizes, String abstractText,
            List<String> acknowledgements, List<String> funders, Box box, List<String> parts) {
    }

    /** West, east, south and north bounds in degrees. */
    public record Box(double west, double east, double south, double north) {
    }

    public static String doi(String prefix, String suffix) {
        return prefix + "/" + suffix;
    }

    /** The record of one released dataset: its owner as creator, its contributors, its own extent. */
    public static Record of(ReleaseContext context, String doiPrefix) {
        CatalogAttribution d = context.dataset();
        List<Creator> people = Creator.of(d);
        List<Creator> creators = d.owner() == null ? List.of() : people.subList(0, 1);
        List<Creator> contributors = d.owner() == null ? people : people.subList(1, people.size());
        CatalogAttribution.Extent e = d.extent();
        return new Record(doi(doiPrefix, "aqqua." + d.id()), creators, contributors, d.title(),
                context.publicationYear(), context.releaseDate(), period(e.firstObservedAt(), e.lastObservedAt()),
                subjects(e.instruments()), List.of(e.images() + " images", e.bytes() + " bytes"),
                context.description(), Citation.present(d.acknowledgements()), Citation.present(d.funding()),
                e.minLatitude() == null ? null : new Box(e.minLongitude(), e.maxLongitude(), e.minLatitude(),
                        e.maxLatitude()), List.of());
    }

    static List<String> subjects(List<String> instruments) {
        List<String> subjects = new ArrayList<>(List.of("plankton", "marine particles", "imaging"));
        subjects.addAll(instruments);
        return subjects;
    }

    static String period(Instant first, Instant last) {
        return first == null ? null : first + "/" + last;
    }

    public static void write(Record record, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("resource");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", SCHEMA_LOCATION);
        element(xml, "identifier", record.doi(), Map.of("identifierType", "DOI"));

        xml.writeStartElement("creators");
        if (record.creators().isEmpty()) {
            xml.writeStartElement("creator");
            element(xml, "creatorName", "AqQua", Map.of("nameType", "Organizational"));
            xml.writeEndElement();
        }
        for (Creator creator : record.creators()) {
            xml.writeStartElement("creator");
            person(xml, "creatorName", creator);
            xml.writeEndElement();
        }
        xml.writeEndElement();

        xml.writeStartElement("titles");
        element(xml, "title", record.title(), Map.of());
        xml.writeEndElement();
        element(xml, "publisher", ReleaseContext.PUBLISHER, Map.of());
        element(xml, "publicationYear", Integer.toString(record.year()), Map.of());
        element(xml, "resourceType", "Plankton and particle images", Map.of("resourceTypeGeneral", "Dataset"));
        list(xml, "subjects", "subject", record.subjects());

        if (!record.contributors().isEmpty()) {
            xml.writeStartElement("contributors");
            for (Creator contributor : record.contributors()) {
                xml.writeStartElement("contributor");
                xml.writeAttribute("contributorType", "Other");
                person(xml, "contributorName", contributor);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        xml.writeStartElement("dates");
        element(xml, "date", record.releaseDate(), Map.of("dateType", "Available"));
        if (record.collected() != null) {
            element(xml, "date", record.collected(), Map.of("dateType", "Collected"));
        }
        xml.writeEndElement();
        element(xml, "language", "en", Map.of());
        if (!record.parts().isEmpty()) {
            xml.writeStartElement("relatedIdentifiers");
            for (String part : record.parts()) {
                element(xml, "relatedIdentifier", part, Map.of("relatedIdentifierType", "DOI",
                        "relationType", "HasPart"));
            }
            xml.writeEndElement();
        }
        list(xml, "sizes", "size", record.sizes());
        list(xml, "formats", "format", List.of("image/png", "image/jpeg", "application/vnd.apache.parquet"));

        xml.writeStartElement("rightsList");
        element(xml, "rights", ReleaseContext.LICENCE_NAME, Map.of("rightsURI",
                ReleaseContext.LICENCE_URL + "legalcode", "rightsIdentifier", ReleaseContext.LICENCE_SPDX,
                "rightsIdentifierScheme", "SPDX", "schemeURI", "https://spdx.org/licenses/"));
        xml.writeEndElement();

        xml.writeStartElement("descriptions");
        element(xml, "description", record.abstractText(), Map.of("descriptionType", "Abstract"));
        for (String acknowledgement : record.acknowledgements()) {
            element(xml, "description", "Acknowledgements: " + acknowledgement, Map.of("descriptionType", "Other"));
        }
        xml.writeEndElement();

        if (record.box() != null) {
            Box box = record.box();
            xml.writeStartElement("geoLocations");
            xml.writeStartElement("geoLocation");
            xml.writeStartElement("geoLocationBox");
            element(xml, "westBoundLongitude", Double.toString(box.west()), Map.of());
            element(xml, "eastBoundLongitude", Double.toString(box.east()), Map.of());
            element(xml, "southBoundLatitude", Double.toString(box.south()), Map.of());
            element(xml, "northBoundLatitude", Double.toString(box.north()), Map.of());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        if (!record.funders().isEmpty()) {
            xml.writeStartElement("fundingReferences");
            for (String funder : record.funders()) {
                xml.writeStartElement("fundingReference");
                element(xml, "funderName", funder, Map.of());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void person(XMLStreamWriter xml, String nameElement, Creator person) throws XMLStreamException {
        element(xml, nameElement, person.inverted(), Map.of("nameType", "Personal"));
        if (person.family() != null) {
            element(xml, "givenName", person.given(), Map.of());
            element(xml, "familyName", person.family(), Map.of());
        }
        if (person.orcidUrl() != null) {
            element(xml, "nameIdentifier", person.orcidUrl(), Map.of("nameIdentifierScheme", "ORCID",
                    "schemeURI", "https://orcid.org"));
        }
        if (person.affiliation() != null && !person.affiliation().isBlank()) {
            element(xml, "affiliation", person.affiliation(), Map.of());
        }
    }

    private static void list(XMLStreamWriter xml, String container, String name, List<String> values)
            throws XMLStreamException {
        xml.writeStartElement(container);
        for (String value : values) {
            element(xml, name, value, Map.of());
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text, Map<String, String> attributes)
            throws XMLStreamException {
        xml.writeStartElement(name);
        for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
            xml.writeAttribute(attribute.getKey(), attribute.getValue());
        }
        xml.writeCharacters(text == null ? "" : PublishableText.replaceUnpublishable(text));
        xml.writeEndElement();
    }
}
