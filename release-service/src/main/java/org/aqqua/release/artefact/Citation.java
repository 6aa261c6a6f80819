package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * How to cite a released dataset: as text (authors, year, title, publisher, licence, URL, then acknowledgements
 * and papers the owner asks to cite), BibTeX and CSL-JSON. Authors are the owner and the named contributors, in
 * that order; names are "Family, Given" where both parts are known.
 */
public final class Citation {

    private final ReleaseContext context;

    public Citation(ReleaseContext context) {
        this.context = context;
    }

    /** Every author in citation order: the owner first, then the contributors the agreement credits. */
    List<Person> authors() {
        CatalogAttribution d = context.dataset();
        List<Person> authors = new ArrayList<>();
        if (d.owner() != null) {
            authors.add(new Person(d.owner().givenName(), d.owner().familyName(), d.owner().name()));
        }
        for (CatalogAttribution.Contributor c : d.contributors()) {
            authors.add(Person.parse(c.name()));
        }
        return authors;
    }

    public String text() {
        CatalogAttribution d = context.dataset();
        StringBuilder text = new StringBuilder();
        text.append(String.join("; ", authors().stream().map(Person::inverted).toList()));
        text.append(" (").append(context.publicationYear()).append("). ").append(d.title()).append(". ")
                .append(ReleaseContext.PUBLISHER).append(". Licence ").append(ReleaseContext.LICENCE_SPDX)
                .append(". ").append(context.landingPage()).append('\n');
        if (d.acknowledgements() != null && !d.acknowledgements().isBlank()) {
            text.append("\nAcknowledgements: ").append(d.acknowledgements().strip()).append('\n');
        }
        if (d.funding() != null && !d.funding().isBlank()) {
            text.append("Funding: ").append(d.funding().strip()).append('\n');
        }
        if (d.copyright() != null && !d.copyright().isBlank()) {
            text.append("Copyright: ").append(d.copyright().strip()).append('\n');
        }
        if (!d.papersToCite().isEmpty()) {
            text.append("\nPlease also cite:\n");
            d.papersToCite().forEach(paper -> text.append("- ").append(paper.strip()).append('\n'));
        }
        return text.toString();
    }

    public String bibtex() {
        CatalogAttribution d = context.dataset();
        return "@misc{aqqua_" + d.id().toString().replace("-", "") + ",\n"
                + "  author    = {" + bibtexEscape(String.join(" and ", authors().stream().map(Person::inverted)
                        .toList())) + "},\n"
                + "  title     = {" + bibtexEscape(d.title()) + "},\n"
                + "  year      = {" + context.publicationYear() + "},\n"
                + "  publisher = {" + bibtexEscape(ReleaseContext.PUBLISHER) + "},\n"
                + "  howpublished = {\\url{" + context.landingPage() + "}},\n"
                + "  note      = {Licence " + ReleaseContext.LICENCE_SPDX + "}\n"
                + "}\n";
    }

    public String cslJson(ObjectMapper json) {
        CatalogAttribution d = context.dataset();
        ObjectNode item = json.createObjectNode();
        item.put("id", "aqqua-" + d.id());
        item.put("type", "dataset");
        item.put("title", d.title());
        ArrayNode authors = item.putArray("author");
        for (Person person : authors()) {
            ObjectNode author = authors.addObject();
            if (person.family() != null) {
                author.put("family", person.family());
                author.put("given", person.given());
            } else {
                author.put("literal", person.full());
            }
        }
        item.putObject("issued").putArray("date-parts").addArray().add(context.publicationYear());
        item.put("publisher", ReleaseContext.PUBLISHER);
        item.put("URL", context.landingPage().toString());
        item.put("license", ReleaseContext.LICENCE_SPDX);
        return json.createArrayNode().add(item).toPrettyString() + "\n";
    }

    private static String bibtexEscape(String value) {
        return value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
                .replace("&", "\\&").replace("%", "\\%").replace("$", "\\$").replace("#", "\\#")
                .replace("_", "\\_");
    }

    /** A person's name: given and family parts when known, else the whole name as written. */
    record Person(String given, String family, String full) {

        /** Splits "Given Names Family" at the last space; a single word is kept whole. */
        static Person parse(String name) {
            String trimmed = name.strip();
            int space = trimmed.lastIndexOf(' ');
            return space < 0 ? new Person(null, null, trimmed)
                    : new Person(trimmed.substring(0, space), trimmed.substring(space + 1), trimmed);
        }

        String inverted() {
            return family == null ? full : family + ", " + given;
        }
    }
}
