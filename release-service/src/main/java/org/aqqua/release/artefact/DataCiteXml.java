package org.aqqua.release.artefact;

import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * DataCite Metadata Schema 4 (kernel-4) XML of a released dataset: the owner as creator with affiliation and
 * ORCID, contributors, dates with Available = the release instant, rights CC-BY-NC-4.0 (SPDX), the images'
 * extent as a geoLocationBox and the collection period. The DOI is the configured prefix and the dataset id;
 * DataCite's test prefix 10.5072 stands in until AqQua's own is configured.
 */
public final class DataCiteXml {

    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    static final String SCHEMA_LOCATION = NAMESPACE + " https://schema.datacite.org/meta/kernel-4.5/metadata.xsd";

    private final ReleaseContext context;
    private final String doi;

    public DataCiteXml(ReleaseContext context, String doiPrefix) {
        this.context = context;
        this.doi = doiPrefix + "/aqqua." + context.dataset().id();
    }

    public String doi() {
        return doi;
    }

    public void write(OutputStream out) throws XMLStreamException {
        CatalogAttribution d = context.dataset();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("resource");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", SCHEMA_LOCATION);
        element(xml, "identifier", doi, Map.of("identifierType", "DOI"));

        xml.writeStartElement("creators");
        if (d.owner() != null) {
            xml.writeStartElement("creator");
            element(xml, "creatorName", d.owner().familyName() + ", " + d.owner().givenName(),
                    Map.of("nameType", "Personal"));
            element(xml, "givenName", d.owner().givenName(), Map.of());
            element(xml, "familyName", d.owner().familyName(), Map.of());
            orcid(xml, d.owner().orcid());
            element(xml, "affiliation", d.owner().affiliation(), Map.of());
            xml.writeEndElement();
        } else {
            xml.writeStartElement("creator");
            element(xml, "creatorName", "AqQua", Map.of("nameType", "Organizational"));
            xml.writeEndElement();
        }
        xml.writeEndElement();

        xml.writeStartElement("titles");
        element(xml, "title", d.title(), Map.of());
        xml.writeEndElement();
        element(xml, "publisher", ReleaseContext.PUBLISHER, Map.of());
        element(xml, "publicationYear", Integer.toString(context.publicationYear()), Map.of());
        element(xml, "resourceType", "Plankton and particle images", Map.of("resourceTypeGeneral", "Dataset"));

        xml.writeStartElement("subjects");
        element(xml, "subject", "plankton", Map.of());
        element(xml, "subject", "marine particles", Map.of());
        element(xml, "subject", "imaging", Map.of());
        for (String instrument : d.extent().instruments()) {
            element(xml, "subject", instrument, Map.of());
        }
        xml.writeEndElement();

        if (!d.contributors().isEmpty()) {
            xml.writeStartElement("contributors");
            for (CatalogAttribution.Contributor c : d.contributors()) {
                xml.writeStartElement("contributor");
                xml.writeAttribute("contributorType", "Other");
                element(xml, "contributorName", c.name(), Map.of("nameType", "Personal"));
                orcid(xml, c.orcid());
                if (c.affiliation() != null && !c.affiliation().isBlank()) {
                    element(xml, "affiliation", c.affiliation(), Map.of());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        xml.writeStartElement("dates");
        element(xml, "date", context.releaseDate(), Map.of("dateType", "Available"));
        if (d.extent().firstObservedAt() != null) {
            element(xml, "date", d.extent().firstObservedAt() + "/" + d.extent().lastObservedAt(),
                    Map.of("dateType", "Collected"));
        }
        xml.writeEndElement();
        element(xml, "language", "en", Map.of());

        xml.writeStartElement("sizes");
        element(xml, "size", d.extent().images() + " images", Map.of());
        element(xml, "size", d.extent().bytes() + " bytes", Map.of());
        xml.writeEndElement();
        xml.writeStartElement("formats");
        element(xml, "format", "image/png", Map.of());
        element(xml, "format", "image/jpeg", Map.of());
        element(xml, "format", "application/vnd.apache.parquet", Map.of());
        xml.writeEndElement();

        xml.writeStartElement("rightsList");
        element(xml, "rights", ReleaseContext.LICENCE_NAME, Map.of("rightsURI",
                ReleaseContext.LICENCE_URL + "legalcode", "rightsIdentifier", ReleaseContext.LICENCE_SPDX,
                "rightsIdentifierScheme", "SPDX", "schemeURI", "https://spdx.org/licenses/"));
        xml.writeEndElement();

        xml.writeStartElement("descriptions");
        element(xml, "description", context.description(), Map.of("descriptionType", "Abstract"));
        if (d.acknowledgements() != null && !d.acknowledgements().isBlank()) {
            element(xml, "description", "Acknowledgements: " + d.acknowledgements().strip(),
                    Map.of("descriptionType", "Other"));
        }
        xml.writeEndElement();

        CatalogAttribution.Extent e = d.extent();
        if (e.minLatitude() != null) {
            xml.writeStartElement("geoLocations");
            xml.writeStartElement("geoLocation");
            xml.writeStartElement("geoLocationBox");
            element(xml, "westBoundLongitude", e.minLongitude().toString(), Map.of());
            element(xml, "eastBoundLongitude", e.maxLongitude().toString(), Map.of());
            element(xml, "southBoundLatitude", e.minLatitude().toString(), Map.of());
            element(xml, "northBoundLatitude", e.maxLatitude().toString(), Map.of());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        if (d.funding() != null && !d.funding().isBlank()) {
            xml.writeStartElement("fundingReferences");
            xml.writeStartElement("fundingReference");
            element(xml, "funderName", d.funding().strip(), Map.of());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void orcid(XMLStreamWriter xml, String orcid) throws XMLStreamException {
        if (orcid != null && !orcid.isBlank()) {
            element(xml, "nameIdentifier", "https://orcid.org/" + orcid.replaceFirst("^https?://orcid.org/", ""),
                    Map.of("nameIdentifierScheme", "ORCID", "schemeURI", "https://orcid.org"));
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text, Map<String, String> attributes)
            throws XMLStreamException {
        xml.writeStartElement(name);
        for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(attributes).entrySet()) {
            xml.writeAttribute(attribute.getKey(), attribute.getValue());
        }
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
