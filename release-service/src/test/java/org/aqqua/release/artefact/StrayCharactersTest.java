package org.aqqua.release.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Provider text that XML 1.0 cannot hold, stored before the catalog refused it, is replaced in the release's
 * XML, so datacite.xml and eml.xml stay readable.
 */
class StrayCharactersTest {

    /** A control character, U+FFFF, half a surrogate pair, then what XML allows: tab, a shrimp (a full pair). */
    static final String PASTED = "Night\u0001casts \uFFFF \uD800 ok\t\uD83E\uDD90";
    static final String LEGAL = "Night\uFFFDcasts \uFFFD \uFFFD ok\t\uD83E\uDD90";

    @Test
    void aTitleWithAPastedControlCharacterStillGivesValidDataCiteAndReadableEml() throws Exception {
        ReleaseContext context = Attributions.context(Attributions.dataset(12, PASTED));

        byte[] dataCite = DataCiteXmlTest.xml(DataCiteXml.of(context, "10.5072"));
        assertThat(DataCiteSchema.violations(dataCite)).isEmpty();
        assertThat(parse(dataCite).getElementsByTagName("title").item(0).getTextContent()).isEqualTo(LEGAL);

        ByteArrayOutputStream eml = new ByteArrayOutputStream();
        new EmlDocument(context).write(eml);
        assertThat(parse(eml.toByteArray()).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(LEGAL);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
