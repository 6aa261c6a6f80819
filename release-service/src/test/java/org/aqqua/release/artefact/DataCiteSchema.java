package org.aqqua.release.artefact;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * DataCite's own kernel-4.5 XSD, read offline: the build unpacks it (with W3C's xml.xsd) from MyCoRe's jars on
 * Maven Central, and their XML catalogs map the schema's http:// includes and imports to those files. Resolution
 * is strict, so a schema part missing from the catalogs fails the test instead of being fetched.
 */
public final class DataCiteSchema {

    /** The schema {@link DataCiteXml} declares in {@code xsi:schemaLocation}, under the URL DataCite's catalog uses. */
    static final String KERNEL_4_5 = "http://schema.datacite.org/meta/kernel-4.5/metadata.xsd";

    private static Schema schema;

    private DataCiteSchema() {
    }

    /** Every violation of the XSD in the document, with its line and column; empty when it is valid. */
    public static List<String> violations(byte[] document) throws Exception {
        List<String> violations = new ArrayList<>();
        Validator validator = schema().newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                violations.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        return violations;
    }

    private static synchronized Schema schema() throws Exception {
        if (schema == null) {
            Path unpacked = Path.of(System.getProperty("aqqua.test.datacite-schema", "target/datacite-schema"));
            URI[] catalogs = { catalog(unpacked.resolve("mycore-pi")), catalog(unpacked.resolve("mycore-base")) };
            CatalogResolver resolver = CatalogManager.catalogResolver(
                    CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "strict").build(), catalogs);
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(resolver);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            schema = factory.newSchema(new StreamSource(resolver.resolveEntity(null, KERNEL_4_5).getSystemId()));
        }
        return schema;
    }

    private static URI catalog(Path directory) {
        Path catalog = directory.resolve("catalog.xml");
        if (!Files.isRegularFile(catalog)) {
            throw new IllegalStateException(catalog + " is missing: Maven's generate-test-resources phase unpacks it");
        }
        return catalog.toUri();
    }
}
