package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/** The Parquet manifest on its own: what reaches the stream and when, read back with Parquet's reader. */
class ParquetManifestTest {

    private static final UUID DATASET = UUID.fromString("3f1c2a9e-5b7d-4c1e-9a8b-0d6f2e4c8a10");

    /** Varied images: every nullable column both set and null, texts that need escaping elsewhere, pre-1970. */
    static ImageView image(int n) {
        Random random = new Random(n);
        String sha = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong());
        Instant observed = n % 97 == 0 ? Instant.parse("1968-03-04T05:06:07.000001Z")
                : Instant.parse("2021-06-01T10:15:00Z").plus(n * 1_234_567L, ChronoUnit.MICROS);
        boolean lake = n % 5 == 2;
        Double depthMin = lake ? null : n % 50 * 1.5;
        Double depthMax = lake || n % 5 == 1 ? null : n % 50 * 1.5 + 10;
        String label = n % 3 == 0 ? null : n % 3 == 1 ? "Copepoda" : "Copépode ✓";
        String traits = n % 4 == 0 ? null : "{\"eggs\": " + (n % 2 == 0) + "}";
        String raw = n % 6 == 5 ? null
                : "{\"comment\": \"tab\\there\\nnewline\", \"object_area\": " + (123 + n) + "}";
        return new ImageView(n, DATASET, "obj-" + n, sha, "sha256/" + sha.substring(0, 2) + "/" + sha,
                10_000 + n, 120 + n % 7, 80, n % 2 == 0 ? "png" : "jpg", 73.0 + n % 3,
                -60 + random.nextDouble() * 120, -180 + random.nextDouble() * 360, depthMin, depthMax,
                lake ? 412.5 : null, observed, n % 4 == 3 ? "Zooscan" : "UVP6",
                n % 2 == 0 ? null : "cast, \"" + n % 9 + "\"", label, label == null ? null : "validated", traits, raw);
    }

    @Test
    void rowGroupsReachTheStreamWhileRowsAreStillBeingWritten() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ParquetManifest manifest = new ParquetManifest(sink, 256 * 1024);
        manifest.header();
        List<ImageView> written = new ArrayList<>();
        long sentAtHalf = 0;
        for (int n = 1; n <= 40_000; n++) {
            ImageView image = image(n);
            manifest.write(image);
            written.add(image);
            if (n == 20_000) {
                sentAtHalf = sink.size();
            }
        }
        long sentBeforeFinish = sink.size();
        manifest.finish();
        byte[] file = sink.toByteArray();

        // Row groups went out as they filled; the last one and the footer waited for finish.
        assertThat(sentAtHalf).isGreaterThan(file.length / 3);
        assertThat(file.length - sentBeforeFinish).isLessThan(file.length / 4);
        ParquetFiles.Contents contents = ParquetFiles.read(file);
        assertThat(contents.rowGroups()).isGreaterThan(4);
        assertThat(contents.codecs()).containsExactly(CompressionCodecName.ZSTD);
        assertThat(contents.images()).containsExactlyElementsOf(written);
    }

    @Test
    void columnsAreThoseOfTheCsvManifestPlusTraitsAndRawTyped() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ParquetManifest manifest = new ParquetManifest(sink);
        manifest.header();
        manifest.write(image(7));
        manifest.finish();

        MessageType schema = ParquetFiles.read(sink.toByteArray()).schema();
        assertThat(schema.getFields().stream().map(Type::getName)).containsExactlyElementsOf(
                Stream.concat(CsvManifest.COLUMNS.stream(), Stream.of("traits", "raw")).toList());
        assertThat(schema.getFields().stream().filter(f -> f.isRepetition(Type.Repetition.OPTIONAL))
                .map(Type::getName)).containsExactly("depth_min", "depth_max", "altitude", "sample_id", "label",
                        "label_status", "traits", "raw");
        assertThat(schema.getType("observed_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
        assertThat(schema.getType("sha256").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(schema.getType("raw").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.jsonType());
    }

    @Test
    void noRowsIsAValidFileWithTheSchemaAndNoRowGroup() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ParquetManifest manifest = new ParquetManifest(sink);
        manifest.header();
        manifest.finish();

        byte[] file = sink.toByteArray();
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOfRange(file, 0, 4)).isEqualTo(magic);
        assertThat(Arrays.copyOfRange(file, file.length - 4, file.length)).isEqualTo(magic);
        ParquetFiles.Contents contents = ParquetFiles.read(file);
        assertThat(contents.rowGroups()).isZero();
        assertThat(contents.rows()).isEmpty();
        assertThat(contents.schema()).isEqualTo(ParquetManifest.SCHEMA);
    }

    @Test
    void microsecondsAreExactBeforeAndAfter1970() {
        for (String instant : List.of("1968-03-04T05:06:07.000001Z", "1969-12-31T23:59:59.999999Z",
                "1970-01-01T00:00:00Z", "2021-06-01T10:15:00.123456Z")) {
            Instant value = Instant.parse(instant);
            assertThat(ParquetFiles.instant(IsoInstants.epochMicros(value))).isEqualTo(value);
        }
        assertThat(IsoInstants.epochMicros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
    }
}
