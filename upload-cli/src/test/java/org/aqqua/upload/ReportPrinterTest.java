package org.aqqua.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    static final String REPORT = """
            {"job": {"id": "j1", "state": "failed", "counts": {"problems": 4}},
             "problems": [
               {"file": "ecotaxa_a.tsv", "line": 3, "field": "object_lat", "value": "100",
                "reason": "latitude must be between -90 and 90"},
               {"file": "ecotaxa_a.tsv", "line": 8, "field": "img_file_name", "value": "nada.png",
                "reason": "image file not found"},
               {"file": "ecotaxa_b.tsv", "line": 4, "field": "object_date", "value": null,
                "reason": "missing"},
               {"file": "ecotaxa_b.tsv", "line": null, "field": null, "value": null, "reason": "no header"}
             ]}
            """;

    @Test
    void eachProblemNamesItsLineFieldValueAndReasonUnderItsFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long count = new ReportPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100)
                .problems(new ByteArrayInputStream(REPORT.getBytes(StandardCharsets.UTF_8)));
        assertThat(count).isEqualTo(4);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Validation report (line, field, value: message):",
                "ecotaxa_a.tsv",
                "  line 3, object_lat '100': latitude must be between -90 and 90",
                "  line 8, img_file_name 'nada.png': image file not found",
                "ecotaxa_b.tsv",
                "  line 4, object_date: missing",
                "  whole file: no header");
    }

    @Test
    void aLongReportIsCutAtTheLimitAndSaysHowManyMore() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long count = new ReportPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2)
                .problems(new ByteArrayInputStream(REPORT.getBytes(StandardCharsets.UTF_8)));
        assertThat(count).isEqualTo(4);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("line 8").doesNotContain("line 4")
                .contains("... and 2 more problems");
    }

    @Test
    void theSummaryGivesStateAndCounts() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ReportPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10).summary(Json.MAPPER.readTree("""
                {"id": "j1", "state": "failed", "failure": "2 invalid rows", "counts": {"rows": 7, "validRows": 5,
                 "invalidRows": 2, "imagesStored": 0, "registered": 0, "alreadyRegistered": 0, "problems": 6}}"""));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Job j1 failed: 7 rows, 5 valid, 2 invalid")
                .contains("6 problems").contains("Failure: 2 invalid rows");
    }
}
