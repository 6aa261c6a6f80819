package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.runtime.csv.CsvCells;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/**
 * The exports and the search write, byte for byte, what the catalog wrote before it read exports from binary
 * COPY and wrote images field by field: the CSV as PostgreSQL renders each value in text, quoted by
 * {@link CsvCells}; JSON (search and JSON Lines) as Jackson's bean serializer writes {@link ImageView}. The
 * images hold what is hard to copy right (control characters, quotes, commas, line ends, characters beyond the
 * Basic Multilingual Plane, extreme numbers and instants), and are many and large enough that the COPY reader
 * refills and grows its buffer many times in one export.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ExportBytesTest {

    private static final int IMAGES = 300;
    private static final String[] TEXTS = {"plain", "comma, and \"quotes\"", "tab\there", "line\nend\r\nand\rcr",
        "back\\slash / slash", "controls \u0001\u0008\u000b\u000c\u001f\u007f", "é ✓ 😀 \u2028 \u00a0",
        "'; drop table image; --"};
    private static final double[] NUMBERS = {1e-7, 0.30000000000000004, 123456789.125, 1e21, 73, 0.1,
        2.5e15, 1.7976931348623157e308, 2.82879384806159E17};
    private static final String[] INSTANTS = {"2021-06-02T10:15:00Z", "1968-03-04T05:06:07.000001Z",
        "2000-01-01T00:00:00.120Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
        "2024-02-29T23:59:59.5Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z"};

    static UUID dataset;
    static String member;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** ImageView as the bean serializer wrote it before {@link ImageView.Json}. */
    @JsonSerialize(using = JsonSerializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class BeanImageView {

        @JsonRawValue
        abstract String traits();

        @JsonRawValue
        abstract String raw();
    }

    @BeforeEach
    void images() {
        if (dataset != null) {
            return;
        }
        member = Tokens.forUser(DemoRealm.MEMBER);
        dataset = TestDatasets.create("byte-exporter", "Export bytes", DatasetStatus.RECEIVING).id;
        StringBuilder body = new StringBuilder();
        for (int n = 1; n <= IMAGES; n++) {
            String text = TEXTS[n % TEXTS.length];
            Map<String, Object> image = new HashMap<>();
            image.put("objectId", "bytes-" + n + " " + text);
            image.put("sha256", ImageLines.sha(9000 + n));
            image.put("format", n % 2 == 0 ? "png" : "JPG");
            image.put("pixelSizeUm", NUMBERS[n % NUMBERS.length]);
            image.put("latitude", n % 5 == 0 ? -90.0 : n % 5 == 1 ? 89.99999999999999 : -0.0 + (n % 7) * 1.1);
            image.put("longitude", n % 3 == 0 ? 180.0 : -179.123456789);
            image.put("depthMin", n % 4 == 0 ? null : n % 4 == 1 ? 0.0 : NUMBERS[(n + 1) % NUMBERS.length]);
            image.put("depthMax", n % 4 < 2 ? null : Double.MAX_VALUE);
            image.put("altitude", n % 4 == 0 ? 1e-3 : null);
            image.put("observedAt", INSTANTS[n % INSTANTS.length]);
            image.put("instrument", n % 2 == 0 ? "UVP6" : "Other: " + text);
            image.put("sampleId", n % 6 == 0 ? null : text);
            image.put("label", n % 3 == 0 ? null : text + " " + n);
            image.put("labelStatus", n % 3 == 0 ? null : "predicted");
            image.put("traits", n % 5 == 0 ? null : Map.of("text", text, "list", List.of(1, 2.5, -0.0, 1e300)));
            image.put("raw", n % 7 == 0 ? null : Map.of("long", text.repeat(60), "n", n));
            body.append(ImageLines.line(n, image)).append('\n');
        }
        ImageSearchTest.register(dataset, body.toString());
    }

    @Test
    void csvIsWhatPostgresRendersQuoted() throws Exception {
        StringBuilder expected = new StringBuilder(String.join(",", CsvManifest.COLUMNS)).append("\r\n");
        forEachRow(rows -> {
            for (int c = 1; c <= CsvManifest.COLUMNS.size(); c++) {
                if (c > 1) {
                    expected.append(',');
                }
                // The instant in the proleptic Gregorian calendar, as the JSON always wrote it (java.sql.Timestamp,
                // which the CSV used before, shifts instants before 1582 by the Julian calendar's days).
                expected.append(CsvCells.quote(c == 16 ? rows.getObject(c, OffsetDateTime.class).toInstant()
                        : rows.getString(c)));
            }
            expected.append("\r\n");
        });
        assertSameText(new String(export("csv"), StandardCharsets.UTF_8), expected.toString());
    }

    @Test
    void jsonLinesAndTheSearchAreWhatTheBeanSerializerWrote() throws Exception {
        ObjectMapper beans = json.copy().addMixIn(ImageView.class, BeanImageView.class);
        List<ImageView> images = new ArrayList<>();
        forEachRow(rows -> images.add(ImageView.read(rows)));
        assertThat(images).hasSize(IMAGES);
        StringBuilder expected = new StringBuilder();
        for (ImageView image : images) {
            expected.append(beans.writeValueAsString(image)).append('\n');
        }
        assertSameText(new String(export("jsonl"), StandardCharsets.UTF_8), expected.toString());

        String searched = given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("limit", 1000)
                .when().get("/api/images").then().statusCode(200).extract().asString();
        // Bytes, as the API writes them (to a stream: characters beyond the BMP escaped, as ever).
        assertSameText(searched, new String(beans.writeValueAsBytes(new ImagePage(images, null)),
                StandardCharsets.UTF_8));
    }

    @Test
    void parquetHoldsEveryRowAsStored() throws Exception {
        List<ImageView> images = new ArrayList<>();
        forEachRow(rows -> images.add(ImageView.read(rows)));
        assertThat(ParquetFiles.read(export("parquet")).images()).containsExactlyElementsOf(images);
    }

    @Test
    void ecotaxaTableIsWhatItsWriterMakesOfEachStoredRecord() throws Exception {
        java.io.StringWriter expected = new java.io.StringWriter();
        EcoTaxaTable table = new EcoTaxaTable(expected);
        table.header();
        forEachRow(rows -> table.write(ImageView.read(rows)));
        table.finish();
        assertSameText(new String(export("ecotaxa"), StandardCharsets.UTF_8), expected.toString());
    }

    /** Equal texts; else the first difference, with what surrounds it. */
    private static void assertSameText(String actual, String expected) {
        int at = 0;
        while (at < actual.length() && at < expected.length() && actual.charAt(at) == expected.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 80);
        assertThat(actual.substring(from, Math.min(actual.length(), at + 80)))
                .as("from character %d of %d (expected %d)", from, actual.length(), expected.length())
                .isEqualTo(expected.substring(from, Math.min(expected.length(), at + 80)));
        assertThat(actual).isEqualTo(expected);
    }

    private byte[] export(String format) {
        return given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("format", format)
                .when().get("/api/exports/images").then().statusCode(200).extract().asByteArray();
    }

    private interface RowAction {
        void accept(ResultSet rows) throws Exception;
    }

    /** The dataset's rows in id order, sent by PostgreSQL as text (a statement that is never prepared). */
    private void forEachRow(RowAction action) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select " + ImageView.COLUMNS
                        + " from image i where i.dataset_id = ? order by i.id")) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setObject(1, dataset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(rows);
                }
            }
        }
    }
}
