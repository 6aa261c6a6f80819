package org.aqqua.release.artefact;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * AqQua's dataset as a whole, from the released datasets' published artefact sets: every owner is a creator
 * (the data paper's co-authors, by family name), every credited contributor a contributor; its extent, size and
 * period span all parts, and its DataCite record names each part's DOI. Built on request, so it always matches
 * what is public at that moment (a postponed or withdrawn dataset is not in it).
 */
public final class AqquaCollection {

    public static final String TITLE = "AqQua: plankton and particle images for an open AI foundation model";

    private final List<ArtefactSet> parts;
    private final Instant releaseInstant;
    private final java.net.URI landingPage;
    private final String doiPrefix;

    public AqquaCollection(List<ArtefactSet> published, Instant releaseInstant, PublicationSettings publication) {
        this.parts = published.stream().sorted(Comparator.comparing(set -> set.attribution.title())).toList();
        this.releaseInstant = releaseInstant;
        this.landingPage = publication.releaseUrl();
        this.doiPrefix = publication.doiPrefix();
    }

    List<Creator> owners() {
        Map<String, Creator> owners = new LinkedHashMap<>();
        for (ArtefactSet set : parts) {
            CatalogAttribution d = set.attribution;
            if (d.owner() != null) {
                Creator owner = Creator.of(d).get(0);
                owners.putIfAbsent(identity(owner), owner);
            }
        }
        return owners.values().stream().sorted(Comparator.comparing(Creator::inverted)).toList();
    }

    List<Creator> contributors() {
        Map<String, Creator> contributors = new LinkedHashMap<>();
        for (ArtefactSet set : parts) {
            List<Creator> people = Creator.of(set.attribution);
            people.subList(set.attribution.owner() == null ? 0 : 1, people.size())
                    .forEach(person -> contributors.putIfAbsent(identity(person), person));
        }
        owners().forEach(owner -> contributors.remove(identity(owner)));
        return contributors.values().stream().sorted(Comparator.comparing(Creator::inverted)).toList();
    }

    private static String identity(Creator person) {
        return person.orcid() != null ? person.orcid() : person.full().toLowerCase(java.util.Locale.ROOT);
    }

    public Citation citation() {
        List<Creator> authors = new ArrayList<>(owners());
        authors.addAll(contributors());
        return new Citation(new Citation.Subject("aqqua_" + year(), authors, TITLE, year(), landingPage,
                credits(d -> d.acknowledgements()), credits(d -> d.funding()), List.of(),
                parts.stream().flatMap(set -> set.attribution.papersToCite().stream()).distinct().toList()));
    }

    public DataCiteXml.Record dataCite() {
        long images = parts.stream().mapToLong(set -> set.attribution.extent().images()).sum();
        long bytes = parts.stream().mapToLong(set -> set.attribution.extent().bytes()).sum();
        List<CatalogAttribution.Extent> extents = parts.stream().map(set -> set.attribution.extent())
                .filter(e -> e.minLatitude() != null).toList();
        DataCiteXml.Box box = extents.isEmpty() ? null : new DataCiteXml.Box(
                extents.stream().mapToDouble(CatalogAttribution.Extent::minLongitude).min().orElseThrow(),
                extents.stream().mapToDouble(CatalogAttribution.Extent::maxLongitude).max().orElseThrow(),
                extents.stream().mapToDouble(CatalogAttribution.Extent::minLatitude).min().orElseThrow(),
                extents.stream().mapToDouble(CatalogAttribution.Extent::maxLatitude).max().orElseThrow());
        Instant first = extents.stream().map(CatalogAttribution.Extent::firstObservedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant last = extents.stream().map(CatalogAttribution.Extent::lastObservedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        TreeSet<String> instruments = new TreeSet<>();
        parts.forEach(set -> instruments.addAll(set.attribution.extent().instruments()));
        String description = images + " plankton and particle images from " + parts.size() + " datasets ("
                + String.join(", ", instruments) + "), shared by their owners to train an open AI foundation model.";
        return new DataCiteXml.Record(DataCiteXml.doi(doiPrefix, "aqqua"), owners(), contributors(), TITLE, year(),
                releaseInstant.atOffset(ZoneOffset.UTC).toLocalDate().toString(), DataCiteXml.period(first, last),
                DataCiteXml.subjects(List.copyOf(instruments)), List.of(images + " images", bytes + " bytes"),
                description, credits(d -> d.acknowledgements()), credits(d -> d.funding()), box,
                parts.stream().map(set -> set.doi).toList());
    }

    private int year() {
        return releaseInstant.atOffset(ZoneOffset.UTC).getYear();
    }

    private List<String> credits(java.util.function.Function<CatalogAttribution, String> credit) {
        return parts.stream().map(set -> credit.apply(set.attribution)).filter(Objects::nonNull)
                .map(String::strip).filter(text -> !text.isEmpty()).distinct().toList();
    }
}
