package org.aqqua.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortestDoublesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    ShortestDoublesTest() {
        new ShortestDoubles().customize(mapper);
    }

    @Test
    void writesTheShortestDecimalThatReadsBackAsTheSameDouble() throws Exception {
        // Java 17's Double.toString writes 2.82879384806159008E17 and 9.999999999999999E22 for these two.
        assertThat(mapper.writeValueAsString(List.of(2.82879384806159E17, 1.0E23)))
                .isEqualTo("[2.82879384806159E17,1.0E23]");
    }

    @Test
    void writesCoordinatesAsBefore() throws Exception {
        assertThat(mapper.writeValueAsString(List.of(-41.80000000000001, 73.0, 0.001, 1.0E7, -0.0)))
                .isEqualTo("[-41.80000000000001,73.0,0.001,1.0E7,-0.0]");
    }
}
