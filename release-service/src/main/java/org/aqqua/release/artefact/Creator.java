package org.aqqua.release.artefact;

import java.util.ArrayList;
import java.util.List;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * A person credited by a release: given and family names when known (else the name as written), affiliation and
 * ORCID. Never contact details.
 */
public record Creator(String given, String family, String full, String affiliation, String orcid) {

    /** A contributor's single name field, split at the last space; a single word is kept whole. */
    static Creator parse(String name, String affiliation, String orcid) {
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new Creator(null, null, trimmed, affiliation, orcid)
                : new Creator(trimmed.substring(0, space), trimmed.substring(space + 1), trimmed, affiliation, orcid);
    }

    /** A dataset's authors in citation order: the owner first, then the contributors the agreement credits. */
    static List<Creator> of(CatalogAttribution dataset) {
        List<Creator> creators = new ArrayList<>();
        CatalogAttribution.Creator owner = dataset.owner();
        if (owner != null) {
            creators.add(new Creator(owner.givenName(), owner.familyName(), owner.name(), owner.affiliation(),
                    owner.orcid()));
        }
        for (CatalogAttribution.Contributor c : dataset.contributors()) {
            creators.add(parse(c.name(), c.affiliation(), c.orcid()));
        }
        return creators;
    }

    /** "Family, Given" where both are known. */
    String inverted() {
        return family == null ? full : family + ", " + given;
    }

    /** The ORCID as a URL, or null. */
    String orcidUrl() {
        return orcid == null || orcid.isBlank() ? null
                : "https://orcid.org/" + orcid.replaceFirst("^https?://orcid.org/", "");
    }
}
