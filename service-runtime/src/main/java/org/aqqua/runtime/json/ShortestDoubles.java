package org.aqqua.runtime.json;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Doubles in every JSON response written by Jackson's Schubfach writer instead of {@link Double#toString}.
 * Search pages carry five doubles per image (position, depths, pixel size), and Java 17's
 * {@code Double.toString} took 13 % of the catalog's CPU per search (a JFR profile in bench/catalog). The
 * Schubfach writer is faster and always writes the shortest decimal that reads back as the same double, which
 * Java 17's does not for some values (2.82879384806159E17 comes out as 2.82879384806159008E17).
 */
@Singleton
public class ShortestDoubles implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature(), true);
    }
}
