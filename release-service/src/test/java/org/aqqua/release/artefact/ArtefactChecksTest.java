package org.aqqua.release.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writers' output passes the checks, and each check catches the fault it is for: the checks are what a
 * rehearsal reports to curators, so a check that never fails would hide a broken release.
 */
class ArtefactChecksTest {

    static final int IMAGES = 3;

    final ObjectMapper json = new ObjectMapper();
    final ReleaseContext context = Attributions.context(IMAGES);
    final ArtefactChecks checks = new ArtefactChecks(json);

    @TempDir
    Path dir;

    List<Artefact> files;

    @BeforeEach
    void writeEveryArtefact() throws Exception {
        Path jsonl = dir.resolve("images.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= IMAGES; i++) {
            lines.append("{\"id\":").append(i).append(",\"objectId\":\"obj_").append(i).append("\",\"sha256\":\"")
                    .append("a".repeat(64)).append("\",\"format\":\"png\",\"latitude\":43.5,\"longitude\":7.3,")
                    .append("\"depthMin\":5.0,\"observedAt\":\"2021-06-01T10:15:00Z\",\"instrument\":\"UVP6\",")
                    .append(i == 2 ? "\"label\":\"Copepoda\\tcalanoid\",\"labelStatus\":\"validated\"" : "\"label\":null")
                    .append("}\n");
        }
        Files.writeString(jsonl, lines);
        // A Parquet file's framing: "PAR1", pages and footer, "PAR1".
        Files.writeString(dir.resolve("images.parquet"), "PAR1" + "x".repeat(40) + "PAR1", StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(dir.resolve("dwca.zip"))) {
            new DarwinCoreArchive(context, json).write(jsonl, out);
        }
        List<Artefact> data = List.of(DatasetArtefacts.describe(dir, "images.parquet", "application/vnd.apache.parquet"),
                DatasetArtefacts.describe(dir, "dwca.zip", "application/zip"));
        Citation citation = Citation.of(context);
        Files.writeString(dir.resolve("citation.txt"), citation.text());
        try (OutputStream out = Files.newOutputStream(dir.resolve("datacite.xml"))) {
            DataCiteXml.write(DataCiteXml.of(context, "10.5072"), out);
        }
        Files.writeString(dir.resolve("croissant.json"), CroissantMetadata.of(json, context, citation.text(), data)
                .toPrettyString());
        Files.writeString(dir.resolve("datapackage.json"), DataPackage.of(json, context, data).toPrettyString());
        files = new ArrayList<>(data);
        for (String name : List.of("citation.txt", "datacite.xml", "croissant.json", "datapackage.json")) {
            files.add(DatasetArtefacts.describe(dir, name, "text/plain"));
        }
    }

    @Test
    void whatTheWritersProducePassesEveryCheck() {
        assertThat(checks.check(dir, files, context.dataset(), context.releasedAt())).isEmpty();
    }

    @Test
    void theDarwinCoreArchiveHasOneOccurrenceAndOneImagePerRecordWithTabsInLabelsRemoved() throws Exception {
        try (ZipFile zip = new ZipFile(dir.resolve("dwca.zip").toFile())) {
            List<String> occurrences = read(zip, "occurrence.txt");
            assertThat(occurrences).hasSize(IMAGES + 1);
            assertThat(occurrences.get(0)).startsWith("id\toccurrenceID\tbasisOfRecord\teventDate\tdecimalLatitude");
            assertThat(occurrences.get(2)).contains("\tMachineObservation\t", "\tCopepoda calanoid\t");
            assertThat(occurrences.get(1)).contains("\tBiota\t");
            List<String> media = read(zip, "multimedia.txt");
            assertThat(media.get(1)).startsWith("aqqua:image:1\tStillImage\timage/png\t"
                    + "https://catalog.aqqua.org/public/images/1/content\thttps://creativecommons.org/licenses/by-nc/4.0/");
            assertThat(read(zip, "meta.xml").get(0)).contains("<?xml");
            assertThat(String.join("\n", read(zip, "eml.xml"))).contains("CC-BY-NC-4.0").doesNotContain("@");
            // Both tables come from one pass over the records: the same images, in the same order.
            assertThat(media).extracting(ArtefactChecksTest::firstCell)
                    .containsExactlyElementsOf(occurrences.stream().map(ArtefactChecksTest::firstCell).toList());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString())).noneMatch(n -> n.startsWith("multimedia-"));
        }
    }

    private static String firstCell(String line) {
        return line.substring(0, line.indexOf('\t'));
    }

    @Test
    void aDataCiteRecordWithoutTitleOrWithTheWrongDateIsReported() throws Exception {
        Path xml = dir.resolve("datacite.xml");
        Files.writeString(xml, Files.readString(xml).replaceFirst("<title>[^<]*</title>", "<title></title>")
                .replace(">2027-07-15<", ">2027-07-16<"));
        assertThat(checks.check(dir, files, context.dataset(), context.releasedAt())).contains(
                "datacite.xml: mandatory property title is missing or empty",
                "datacite.xml: no Available date equal to the release date");
    }

    @Test
    void croissantWithoutALicenceOrWithAFileOfAnotherDigestIsReported() throws Exception {
        Path file = dir.resolve("croissant.json");
        ObjectNode croissant = (ObjectNode) json.readTree(file.toFile());
        croissant.remove("license");
        ((ObjectNode) croissant.withArray("distribution").get(0)).put("sha256", "0".repeat(64));
        Files.writeString(file, croissant.toPrettyString());
        assertThat(checks.check(dir, files, context.dataset(), context.releasedAt())).contains(
                "croissant.json: required property license is missing or empty",
                "croissant.json: FileObject images.parquet does not match a released file and its SHA-256");
    }

    @Test
    void aDarwinCoreRowShortOfAColumnOrAMissingRowIsReported() throws Exception {
        Path zip = dir.resolve("dwca.zip");
        Path broken = dir.resolve("broken.zip");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(
                Files.newOutputStream(broken))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                List<String> lines = read(in, entry.getName());
                if (entry.getName().equals("occurrence.txt")) {
                    lines.set(1, lines.get(1).substring(0, lines.get(1).lastIndexOf('\t')));
                }
                if (entry.getName().equals("multimedia.txt")) {
                    lines.remove(lines.size() - 1);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(broken, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(checks.check(dir, files, context.dataset(), context.releasedAt())).contains(
                "dwca.zip: occurrence.txt line 2 does not have 17 columns",
                "dwca.zip: multimedia.txt has 2 rows for 3 images");
    }

    @Test
    void anEmailAddressInAnyTextArtefactIsReportedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("citation.txt"), "Dupont, Marie (2027).\nContact: marie.dupont@example.org\n");
        assertThat(checks.check(dir, files, context.dataset(), context.releasedAt())).containsExactly(
                "citation.txt line 2: holds an e-mail address; contact details are never public");
    }

    @Test
    void aManifestThatIsNotParquetIsReported() throws Exception {
        Files.writeString(dir.resolve("images.parquet"), "id,sha256\n1,abc\n");
        assertThat(checks.check(dir, files, context.dataset(), context.releasedAt()))
                .contains("images.parquet: not framed as Parquet (PAR1 ... PAR1)");
    }

    private static List<String> read(ZipFile zip, String name) throws Exception {
        try (var in = zip.getInputStream(zip.getEntry(name))) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }
}
