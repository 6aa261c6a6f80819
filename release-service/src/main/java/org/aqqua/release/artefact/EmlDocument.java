package org.aqqua.release.artefact;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.aqqua.catalog.client.CatalogAttribution;
import org.aqqua.runtime.text.PublishableText;

/**
 * The Darwin Core Archive's EML 2.1.1 metadata (GBIF profile): title, creator, publication date, abstract and the
 * licence as GBIF expects it in {@code intellectualRights}. No contact e-mail: AqQua publishes none.
 */
final class EmlDocument {

    private final ReleaseContext context;

    EmlDocument(ReleaseContext context) {
        this.context = context;
    }

    void write(OutputStream out) throws XMLStreamException {
        CatalogAttribution d = context.dataset();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("eml", "eml", "eml://ecoinformatics.org/eml-2.1.1");
        xml.writeNamespace("eml", "eml://ecoinformatics.org/eml-2.1.1");
        xml.writeAttribute("packageId", "aqqua-" + d.id());
        xml.writeAttribute("system", "https://aqqua.org");
        xml.writeStartElement("dataset");
        text(xml, "title", d.title());
        xml.writeStartElement("creator");
        if (d.owner() != null) {
            xml.writeStartElement("individualName");
            text(xml, "givenName", d.owner().givenName());
            text(xml, "surName", d.owner().familyName());
            xml.writeEndElement();
            text(xml, "organizationName", d.owner().affiliation());
            if (d.owner().orcid() != null) {
                xml.writeStartElement("userId");
                xml.writeAttribute("directory", "https://orcid.org/");
                xml.writeCharacters(d.owner().orcid());
                xml.writeEndElement();
            }
        } else {
            text(xml, "organizationName", "AqQua");
        }
        xml.writeEndElement();
        text(xml, "pubDate", context.releaseDate());
        text(xml, "language", "en");
        xml.writeStartElement("abstract");
        text(xml, "para", context.description());
        xml.writeEndElement();
        xml.writeStartElement("intellectualRights");
        xml.writeStartElement("para");
        xml.writeCharacters("This work is licensed under a ");
        xml.writeStartElement("ulink");
        xml.writeAttribute("url", ReleaseContext.LICENCE_URL + "legalcode");
        text(xml, "citetitle", ReleaseContext.LICENCE_NAME + " (" + ReleaseContext.LICENCE_SPDX + ")");
        xml.writeEndElement();
        xml.writeCharacters(".");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("distribution");
        xml.writeStartElement("online");
        text(xml, "url", context.landingPage().toString());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value == null ? "" : PublishableText.replaceUnpublishable(value));
        xml.writeEndElement();
    }
}
