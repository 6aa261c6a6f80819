package org.aqqua.release.artefact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * How to cite a released dataset: as text (authors, year, title, publisher, licence, URL, then acknowledgements
 * and papers the owner asks to cite), BibTeX and CSL-JSON. Authors are the owner and the named contributors, in
 * that order; names are "Family, Given" where both parts are known.
 */
public final class Citation {

    /**
     * What is cited: authors in order, title, year, landing page, a key for BibTeX and CSL, and the credits the
     * owners ask for (acknowledgements, funding, copyright, papers to cite), each possibly empty.
     */
    public record Subject(String key, List<Creator> authors, String title, int year, URI url,
            List<String> acknowledgements, List<String> funding, List<String> copyright, List<String> papers) {
    }

    private final Subject subject;

    public Citation(Subject subject) {
        this.subject = subject;
    }

    /** The citation of one released dataset: its owner and contributors, its own credits. */
    public static Citation of(ReleaseContext context) {
        CatalogAttribution d = context.dataset();
        return new Citation(new Subject("aqqua_" + d.id().toString().replace("-", ""), Creator.of(d), d.title(),
                context.publicationYear(), context.landingPage(), present(d.acknowledgements()),
                present(d.funding()), present(d.copyright()), d.papersToCite()));
    }

    List<Creator> authors() {
        return subject.authors();
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.join("; ", subject.authors().stream().map(Creator::inverted).toList()));
        text.append(" (").append(subject.year()).append("). ").append(subject.title()).append(". ")
                .append(ReleaseContext.PUBLISHER).append(". Licence ").append(ReleaseContext.LICENCE_SPDX)
                .append(". ").append(subject.url()).append('\n');
        credits(text, "\nAcknowledgements: ", subject.acknowledgements());
        credits(text, "Funding: ", subject.funding());
        credits(text, "Copyright: ", subject.copyright());
        if (!subject.papers().isEmpty()) {
            text.append("\nPlease also cite:\n");
            subject.papers().forEach(paper -> text.append("- ").append(paper.strip()).append('\n'));
        }
        return text.toString();
    }

    private static void credits(StringBuilder text, String label, List<String> credits) {
        if (!credits.isEmpty()) {
            text.append(label).append(String.join("; ", credits.stream().map(String::strip).toList())).append('\n');
        }
    }

    public String bibtex() {
        return "@misc{" + subject.key() + ",\n"
                + "  author    = {" + bibtexEscape(String.join(" and ", subject.authors().stream()
                        .map(Creator::inverted).toList())) + "},\n"
                + "  title     = {" + bibtexEscape(subject.title()) + "},\n"
                + "  year      = {" + subject.year() + "},\n"
                + "  publisher = {" + bibtexEscape(ReleaseContext.PUBLISHER) + "},\n"
                + "  howpublished = {\\url{" + subject.url() + "}},\n"
                + "  note      = {Licence " + ReleaseContext.LICENCE_SPDX + "}\n"
                + "}\n";
    }

    public String cslJson(ObjectMapper json) {
        ObjectNode item = json.createObjectNode();
        item.put("id", subject.key());
        item.put("type", "dataset");
        item.put("title", subject.title());
        ArrayNode authors = item.putArray("author");
        for (Creator person : subject.authors()) {
            ObjectNode author = authors.addObject();
            if (person.family() != null) {
                author.put("family", person.family());
                author.put("given", person.given());
            } else {
                author.put("literal", person.full());
            }
        }
        item.putObject("issued").putArray("date-parts").addArray().add(subject.year());
        item.put("publisher", ReleaseContext.PUBLISHER);
        item.put("URL", subject.url().toString());
        item.put("license", ReleaseContext.LICENCE_SPDX);
        return json.createArrayNode().add(item).toPrettyString() + "\n";
    }

    /** A credit the owner may have left empty, as a list of none or one. */
    static List<String> present(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip());
    }

    private static String bibtexEscape(String value) {
        return value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
                .replace("&", "\\&").replace("%", "\\%").replace("$", "\\$").replace("#", "\\#")
                .replace("_", "\\_");
    }
}
