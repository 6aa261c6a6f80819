package org.aqqua.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking uploads: the upstream bundles as they come, and every kind of hostile archive refused. */
class ArchiveExtractorTest {

    static final Path FIXTURES = Path.of("../fixtures/external/ecotaxa_back/QA/py/data");

    @TempDir
    Path work;

    static final ArchiveLimits GENEROUS = Limits.GENEROUS;

    int runs;

    /** Unpacks into {@code tree} (a fresh folder each time, {@code tree-2}, ... after the first). */
    long extract(ArchiveLimits limits, Path archive) throws Exception {
        try (UnpackedArchive unpacked = unpack(limits, archive)) {
            return unpacked.unpackedBytes();
        }
    }

    UnpackedArchive unpack(ArchiveLimits limits, Path archive) throws Exception {
        Path target = work.resolve(runs++ == 0 ? "tree" : "tree-" + runs);
        return new ArchiveExtractor(limits).extract(archive, target, bytes -> { });
    }

    @Test
    void upstreamZipUnpacksWithItsSampleFoldersAtTheRoot() throws Exception {
        try (UnpackedArchive tree = unpack(GENEROUS, FIXTURES.resolve("import_test.zip"))) {
            Path root = tree.root();
            assertThat(root.resolve("m106_mn01_n1_sml/ecotaxa_m106_mn01_n1_sml.tsv")).isRegularFile();
            Path image = root.resolve("m106_mn01_n2_sml/m106_mn01_n2_sml_1111.jpg");
            assertThat(tree.isFile(image)).isTrue();
            assertThat(image).as("images are read from the zip, not written out").doesNotExist();
            UnpackedArchive.TreeFile file = tree.find(image).orElseThrow();
            assertThat(file.inZip()).isTrue();
            assertThat(file.readFromZip()).hasSize((int) file.zipSize())
                    .startsWith(0xFF, 0xD8); // a JPEG's start-of-image marker
            assertThat(tree.isFile(root.resolve("m106_mn01_n2_sml/no_such_image.jpg"))).isFalse();
        }
    }

    @Test
    void nestedUvp6ImagesZipBecomesAFolderOfTheSameName() throws Exception {
        try (UnpackedArchive tree = unpack(GENEROUS, FIXTURES.resolve("UVP6_example.zip"))) {
            Path inner = tree.root().resolve("b_da_19_Images.zip");
            assertThat(inner).isDirectory();
            assertThat(inner.resolve("ecotaxa_b_da_19.tsv")).isRegularFile();
            Path png = inner.resolve("sub1/20200205-111823_3.png");
            assertThat(tree.isFile(png)).isTrue();
            assertThat(inZip(tree, png)).hasSize(1413).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void imagesAreLeftInTheZipOnlyWhenTheyAreImagesSmallEnoughToReadWhole() throws Exception {
        byte[] large = new byte[(int) InPlaceImages.MAX_BYTES + 1];
        new Random(1).nextBytes(large); // incompressible, as image data is
        Path archive = write("mixed.zip", zip("s/a.png", new byte[100], "s/big.tif", large, "s/notes.txt",
                new byte[10], "s/ecotaxa_s.tsv", new byte[10]));
        try (UnpackedArchive tree = unpack(GENEROUS, archive)) {
            Path folder = tree.root().resolve("s");
            assertThat(tree.find(folder.resolve("a.png"))).hasValueSatisfying(file -> {
                assertThat(file.inZip()).isTrue();
                assertThat(file.zipSize()).isEqualTo(100);
            });
            assertThat(folder.resolve("a.png")).doesNotExist();
            assertThat(folder.resolve("big.tif")).isRegularFile().hasSize(large.length);
            assertThat(folder.resolve("notes.txt")).isRegularFile();
            assertThat(folder.resolve("ecotaxa_s.tsv")).isRegularFile();
            assertThat(tree.find(folder.resolve("big.tif")).orElseThrow().inZip()).isFalse();
            assertThat(tree.unpackedBytes()).isEqualTo(100 + large.length + 10 + 10);
        }
    }

    /** An entry named "./s/a.png" is the file s/a.png of the tree, as it would be once unpacked. */
    @Test
    void entriesAreFoundByThePathTheyStandFor() throws Exception {
        Path archive = write("dotted.zip", zip("./s/a.png", new byte[] {1, 2, 3}, "s//b.png", new byte[] {4}));
        try (UnpackedArchive tree = unpack(GENEROUS, archive)) {
            assertThat(inZip(tree, tree.root().resolve("s/a.png"))).containsExactly(1, 2, 3);
            assertThat(inZip(tree, tree.root().resolve("s/b.png"))).containsExactly(4);
            assertThat(tree.isFile(tree.root().resolve("s/c.png"))).isFalse();
        }
    }

    /**
     * A zip of an older tool: names in a legacy code page, no UTF-8 flag, and each name's Unicode form in an InfoZIP
     * extra field. The entries stand for their Unicode names (so a table naming "Bénthos/a.png" finds it).
     */
    @Test
    void legacyEncodedNamesAreReadFromTheirUnicodePathFields() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding("Cp437");
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.ALWAYS);
            zip.putArchiveEntry(new ZipArchiveEntry("Bénthos/a.png"));
            zip.write(new byte[] {7, 8, 9});
            zip.closeArchiveEntry();
        }
        assertThat(indexOf(bytes.toByteArray(), "Bénthos".getBytes(StandardCharsets.UTF_8)))
                .as("the UTF-8 name, only in the extra fields").isPositive();
        try (UnpackedArchive tree = unpack(GENEROUS, write("legacy.zip", bytes.toByteArray()))) {
            assertThat(inZip(tree, tree.root().resolve("Bénthos/a.png"))).containsExactly(7, 8, 9);
        }
    }

    @Test
    void anEntryThatInflatesPastItsDeclaredSizeIsCorrupt() throws Exception {
        byte[] zip = zip("a.png", new byte[100]);
        // Lower the declared size in the central directory: the data still inflates to 100 bytes.
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int central = indexOf(zip, new byte[] {'P', 'K', 1, 2});
        bytes.putInt(central + 24, 10);
        try (UnpackedArchive tree = unpack(GENEROUS, write("lying.zip", zip))) {
            Path image = tree.root().resolve("a.png");
            UnpackedArchive.TreeFile file = tree.find(image).orElseThrow();
            assertThat(file.inZip()).isTrue();
            assertThat(file.zipSize()).isEqualTo(10);
            assertThatThrownBy(file::readFromZip).isInstanceOf(IOException.class)
                    .hasMessageContaining("holds more bytes than the 10 its zip declares");
        }
    }

    @Test
    void everythingGoesToDiskWhenAskedTo() throws Exception {
        new ArchiveExtractor(GENEROUS).extractAll(FIXTURES.resolve("UVP6_example.zip"), work.resolve("all"));
        assertThat(work.resolve("all/b_da_19_Images.zip/sub1/20200205-111823_3.png")).isRegularFile().hasSize(1413);
        assertThat(work.resolve("all/b_da_19_Images.zip.packed")).doesNotExist();
    }

    /** The content of a file the tree keeps in its zip. */
    static byte[] inZip(UnpackedArchive tree, Path file) throws IOException {
        UnpackedArchive.TreeFile found = tree.find(file).orElseThrow();
        assertThat(found.inZip()).as("%s is read from its zip", file).isTrue();
        return found.readFromZip();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws Exception {
        byte[] inner = zip("ecotaxa_a.tsv", "x".getBytes());
        byte[] middle = zip("inner.zip", inner);
        Path outer = write("outer.zip", zip("middle.zip", middle));
        assertThatThrownBy(() -> extract(Limits.of(1L << 30, 100, 200, 1), outer))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("nested more than 1 deep")
                .extracting(e -> ((ArchiveRefusedException) e).entry()).isEqualTo("middle.zip/inner.zip");
        assertThat(extract(Limits.of(1L << 30, 100, 200, 2), outer)).isPositive();
    }

    @Test
    void zipSlipAndAbsolutePathsAreRefused() throws Exception {
        assertThatThrownBy(() -> extract(GENEROUS, write("slip.zip", zip("../../evil.sh", "x".getBytes()))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("zip-slip");
        assertThatThrownBy(() -> extract(GENEROUS, write("abs.zip", zip("/etc/passwd", "x".getBytes()))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("absolute");
        assertThat(work.resolve("evil.sh")).doesNotExist();
        assertThat(work.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void aFileAndAFolderOfTheSameNameAreRefusedNamingTheEntry() throws Exception {
        Path zip = write("clash.zip", zip("sample", text("a file"), "sample/ecotaxa_a.tsv", text("object_id\n")));
        assertThatThrownBy(() -> extract(GENEROUS, zip)).isInstanceOf(ArchiveRefusedException.class)
                .hasMessageContaining("its folder has the name of a file")
                .satisfies(e -> assertThat(((ArchiveRefusedException) e).entry()).isEqualTo("sample/ecotaxa_a.tsv"));
    }

    /**
     * Which of two entries of one path a row means cannot be told: refused naming one of them, whether images kept
     * in the zip or files written out (before, the last written or the first found silently won).
     */
    @Test
    void twoEntriesOfOnePathAreRefusedNamingOne() throws Exception {
        byte[] png = text("an image, as far as unpacking can tell");
        assertRefusedAsSamePath(zip("s/img.png", png, "s/ecotaxa_a.tsv", text("object_id\n"), "s/img.png", png),
                "s/img.png");
        assertRefusedAsSamePath(zip("s/ecotaxa_a.tsv", text("object_id\n1\n"), "s/ecotaxa_a.tsv",
                text("object_id\n2\n")), "s/ecotaxa_a.tsv");
        assertRefusedAsSamePath(zip("s//img.png", png, "s/img.png", png), "s//img.png");
        assertRefusedAsSamePath(zip("s/img.png", png, "s/./img.png", png), "s/./img.png");
        assertRefusedAsSamePath(zip("s/./a.tsv", text("x"), "s/a.tsv", text("y")), "s/./a.tsv");
        assertRefusedAsSamePath(tar("s/ecotaxa_a.tsv", text("object_id\n1\n"), "s/ecotaxa_a.tsv",
                text("object_id\n2\n")), "s/ecotaxa_a.tsv");
        // An entry whose name is not its path is refused as soon as the central directory names the plain path;
        // an image too large to keep in the zip is written out, the other kept in it, in either order.
        byte[] large = new byte[(int) InPlaceImages.MAX_BYTES + 1];
        new Random(7).nextBytes(large);
        assertRefusedAsSamePath(zip("s//big.png", large, "s/big.png", png), "s//big.png");
        assertRefusedAsSamePath(zip("s/big.png", png, "s//big.png", large), "s//big.png");
        assertRefusedAsSamePath(zip("s//c.png", png, "s/./c.png", png), "s/./c.png");
    }

    private void assertRefusedAsSamePath(byte[] archive, String entry) throws IOException {
        Path file = write("same-path-" + runs + ".archive", archive);
        assertThatThrownBy(() -> extract(GENEROUS, file)).isInstanceOf(ArchiveRefusedException.class)
                .hasMessage("another entry of the archive has the same path")
                .satisfies(e -> assertThat(((ArchiveRefusedException) e).entry()).isEqualTo(entry));
    }

    @Test
    void foldersOfManyEntriesHoldThemAll() throws Exception {
        Object[] entries = new Object[2 * 300];
        for (int i = 0; i < 300; i++) {
            entries[2 * i] = "sample_" + i % 3 + "/sub/ecotaxa_" + i + ".tsv";
            entries[2 * i + 1] = text("object_id\n" + i + "\n");
        }
        extract(GENEROUS, write("many-per-folder.zip", zip(entries)));
        for (int i = 0; i < 300; i++) {
            assertThat(Files.readString(work.resolve("tree/sample_" + i % 3 + "/sub/ecotaxa_" + i + ".tsv")))
                    .isEqualTo("object_id\n" + i + "\n");
        }
    }

    @Test
    void zipBombIsStoppedByTheCompressionRatio() throws Exception {
        Path bomb = write("bomb.zip", zip("ecotaxa_bomb.tsv", new byte[50 * 1024 * 1024]));
        assertThat(Files.size(bomb)).isLessThan(200_000);
        assertThatThrownBy(() -> extract(GENEROUS, bomb)).isInstanceOf(ArchiveRefusedException.class)
                .hasMessageContaining("compression ratio over 200:1");
    }

    @Test
    void totalSizeAndEntryCountAreLimited() throws Exception {
        Path archive = write("many.zip", zip("a.png", new byte[2000], "b.png", new byte[2000], "c.png",
                new byte[2000]));
        assertThatThrownBy(() -> extract(Limits.of(5000, 100, 10_000, 3), archive))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("more than 5000 bytes");
        assertThatThrownBy(() -> extract(Limits.of(1L << 30, 2, 10_000, 3), archive))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("more than 2 entries");
    }

    @Test
    void encryptedEntriesAreRefused() throws Exception {
        byte[] bytes = zip("ecotaxa_secret.tsv", "secret".getBytes());
        setEncryptionFlag(bytes);
        assertThatThrownBy(() -> extract(GENEROUS, write("enc.zip", bytes)))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("encrypted");
    }

    @Test
    void truncatedZipAndTarGzAreRefused() throws Exception {
        byte[] zip = Files.readAllBytes(FIXTURES.resolve("import_test.zip"));
        assertThatThrownBy(() -> extract(GENEROUS, write("cut.zip", Arrays.copyOf(zip, zip.length / 2))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("truncated or corrupt zip");
        byte[] tgz = gzip(tar("ecotaxa_a.tsv", new byte[100_000]));
        assertThatThrownBy(() -> extract(GENEROUS, write("cut.tar.gz", Arrays.copyOf(tgz, tgz.length - 40))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("truncated");
    }

    @Test
    void tarAndTarGzUnpack() throws Exception {
        extract(GENEROUS, write("a.tar.gz", gzip(tar("sample/ecotaxa_a.tsv", "object_id\n".getBytes()))));
        assertThat(Files.readString(work.resolve("tree/sample/ecotaxa_a.tsv"))).isEqualTo("object_id\n");
    }

    @Test
    void linksInTarAreRefused() throws Exception {
        assertThatThrownBy(() -> extract(GENEROUS, write("sym.tar",
                linkTar("ecotaxa_a.tsv", TarConstants.LF_SYMLINK, "/etc/passwd"))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("symbolic links");
        assertThatThrownBy(() -> extract(GENEROUS, write("hard.tar",
                linkTar("ecotaxa_b.tsv", TarConstants.LF_LINK, "/etc/shadow"))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("hard links");
    }

    @Test
    void anythingElseIsNotAnArchive() throws Exception {
        assertThatThrownBy(() -> extract(GENEROUS, write("x.zip", "just text".getBytes())))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("not a zip, tar");
        assertThatThrownBy(() -> extract(GENEROUS, write("x.gz", gzip("plain text".getBytes()))))
                .isInstanceOf(ArchiveRefusedException.class).hasMessageContaining("compressed tar");
    }

    /**
     * Sets the "encrypted" bit in every local and central header, as a password-protected zip has it (no Java
     * library writes encrypted zips; the reader must refuse on the flag, before reading any data).
     */
    static void setEncryptionFlag(byte[] zip) {
        for (int i = 0; i + 10 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                zip[i + 6] |= 1;
            } else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(work.resolve(name), bytes);
    }

    static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putArchiveEntry(new ZipArchiveEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A tar of one link entry ({@link TarConstants#LF_SYMLINK} or {@link TarConstants#LF_LINK}) to {@code target}. */
    static byte[] linkTar(String name, byte linkFlag, String target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry(name, linkFlag);
            link.setLinkName(target);
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    /** A tar of the given entries, in order (names may repeat). */
    static byte[] tar(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = (byte[]) namesAndContents[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry((String) namesAndContents[i]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
