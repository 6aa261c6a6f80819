package org.aqqua.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarFolderSourceTest {

    @TempDir
    Path dir;
    Path folder;
    Map<String, byte[]> files = new LinkedHashMap<>();

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(dir.resolve("bundle"));
        Random random = new Random(7);
        put("ecotaxa_a.tsv", "object_id\timg_file_name\n[t]\t[t]\nobj_1\timg/roi_1.png\n".getBytes(StandardCharsets.UTF_8));
        put("img/roi_1.png", bytes(random, 4096));       // a whole number of records
        put("img/roi_2.png", bytes(random, 4097));       // one byte into a record
        put("img/empty.png", new byte[0]);
        put("d" + "x".repeat(120) + "/long name ü " + "y".repeat(90) + ".jpg", bytes(random, 1000)); // PAX header
        put("Images/z.bin", bytes(random, 70_000));
    }

    void put(String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_123L));
        files.put(name, content);
    }

    static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The same entries written by commons-compress' own tar writer: the reference bytes. */
    byte[] writtenByTarWriter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = TarFolderSource.writer(bytes)) {
            for (String name : files.keySet().stream().sorted().toList()) {
                byte[] content = files.get(name);
                tar.putArchiveEntry(TarFolderSource.entry(name, content.length, 1_700_000_000L));
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    @Test
    void computedSizeEqualsTheBytesATarWriterWritesAndTheBytesAreTheSame() throws IOException {
        TarFolderSource source = TarFolderSource.of(folder);
        byte[] reference = writtenByTarWriter();
        assertThat(source.size()).isEqualTo(reference.length);
        assertThat(source.fileCount()).isEqualTo(files.size());
        assertThat(source.fileName()).isEqualTo("bundle.tar");
        byte[] generated;
        try (InputStream in = source.open(0, source.size())) {
            generated = in.readAllBytes();
        }
        assertThat(generated).isEqualTo(reference);
    }

    @Test
    void anyRangeIsGeneratedAgainIdentically() throws IOException {
        TarFolderSource source = TarFolderSource.of(folder);
        byte[] reference = writtenByTarWriter();
        Random random = new Random(1);
        for (int i = 0; i < 300; i++) {
            long from = random.nextInt(reference.length);
            long length = random.nextInt((int) (reference.length - from) + 1);
            try (InputStream in = source.open(from, length)) {
                byte[] range = random.nextBoolean() ? in.readAllBytes() : readSmallChunks(in);
                assertThat(range).as("range %d+%d", from, length)
                        .isEqualTo(Arrays.copyOfRange(reference, (int) from, (int) (from + length)));
            }
        }
    }

    static byte[] readSmallChunks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[37];
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void partsConcatenatedReadBackAsTheFolder() throws IOException {
        TarFolderSource source = TarFolderSource.of(folder);
        PartPlan plan = new PartPlan(source.size(), 5000, PartPlan.count(source.size(), 5000));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (PartPlan.Part part : plan.missing(List.of())) {
            try (InputStream in = source.open(part.offset(), part.length())) {
                in.transferTo(whole);
            }
        }
        Map<String, byte[]> read = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(whole.toByteArray()))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                read.put(entry.getName(), tar.readAllBytes());
                assertThat(entry.getModTime().getTime()).isEqualTo(1_700_000_000_000L);
            }
        }
        assertThat(read.keySet()).containsExactlyElementsOf(files.keySet().stream().sorted().toList());
        files.forEach((name, content) -> assertThat(read.get(name)).as(name).isEqualTo(content));
        // What ingest-service's format check looks for: ustar magic at offset 257.
        assertThat(new String(whole.toByteArray(), 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    }

    @Test
    void theFingerprintFollowsChangesAndAChangedFileIsNoticedWhileReading() throws IOException {
        TarFolderSource before = TarFolderSource.of(folder);
        assertThat(TarFolderSource.of(folder).fingerprint()).isEqualTo(before.fingerprint());
        Files.write(folder.resolve("img/roi_2.png"), new byte[10]);
        TarFolderSource after = TarFolderSource.of(folder);
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThatThrownBy(() -> {
            try (InputStream in = before.open(0, before.size())) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("changed");
    }

    @Test
    void aFileSourceReadsItsRangesAndNoticesAShorterFile() throws IOException {
        Path file = dir.resolve("bundle.zip");
        byte[] content = bytes(new Random(3), 10_000);
        Files.write(file, content);
        UploadSource source = UploadSource.of(file);
        assertThat(source.size()).isEqualTo(10_000);
        try (InputStream in = source.open(9_000, 1_000)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 9_000, 10_000));
        }
        Files.write(file, Arrays.copyOf(content, 9_500));
        assertThatThrownBy(() -> source.open(9_000, 1_000).readAllBytes()).isInstanceOf(IOException.class);
    }

    @Test
    void anEmptyFolderIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty/sub"));
        assertThatThrownBy(() -> UploadSource.of(empty.getParent())).isInstanceOf(IOException.class);
        try (Stream<Path> listing = Files.list(empty)) {
            assertThat(listing).isEmpty();
        }
    }
}
