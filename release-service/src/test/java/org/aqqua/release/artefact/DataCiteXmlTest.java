package org.aqqua.release.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code datacite.xml} against DataCite's own kernel-4.5 XSD: what we write is valid, and the check can fail. */
class DataCiteXmlTest {

    @Test
    void aDatasetsRecordWithEveryOptionalPropertyIsValidAgainstTheSchemaItDeclares() throws Exception {
        DataCiteXml.Record record = DataCiteXml.of(Attributions.context(1234), "10.5072");
        assertThat(record.contributors()).isNotEmpty();
        assertThat(record.funders()).isNotEmpty();
        assertThat(record.box()).isNotNull();
        assertThat(record.collected()).isNotNull();

        assertThat(DataCiteXml.SCHEMA_LOCATION).endsWith("//schema.datacite.org/meta/kernel-4.5/metadata.xsd");
        assertThat(DataCiteSchema.violations(xml(record))).isEmpty();
    }

    @Test
    void aRecordOutsideTheSchemaIsCaughtWithWhatIsWrong() throws Exception {
        DataCiteXml.Record valid = DataCiteXml.of(Attributions.context(1234), "10.5072");
        DataCiteXml.Record wrong = new DataCiteXml.Record(valid.doi(), valid.creators(), valid.contributors(),
                valid.title(), 20270, valid.releaseDate(), valid.collected(), valid.subjects(), valid.sizes(),
                valid.abstractText(), valid.acknowledgements(), valid.funders(),
                new DataCiteXml.Box(7.1, 7.9, -95.0, 43.7), List.of());

        List<String> violations = DataCiteSchema.violations(xml(wrong));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("'20270'", "[\\d]{4}"))
                .anySatisfy(v -> assertThat(v).contains("-95.0", "latitudeType"));
    }

    static byte[] xml(DataCiteXml.Record record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataCiteXml.write(record, out);
        return out.toByteArray();
    }
}
