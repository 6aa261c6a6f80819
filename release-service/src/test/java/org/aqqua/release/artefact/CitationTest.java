package org.aqqua.release.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CitationTest {

    final Citation citation = Citation.of(Attributions.context(3));

    @Test
    void textNamesTheOwnerThenContributorsYearTitlePublisherLicenceAndLink() {
        assertThat(citation.text()).startsWith("Dupont, Marie; Martin, Jean-Luc (2027). UVP6 profiles of the "
                + "Ligurian Sea {2021}. AqQua (GEOMAR Helmholtz Centre for Ocean Research Kiel and partners). "
                + "Licence CC-BY-NC-4.0. https://data.aqqua.org/datasets/0d6f3a52-8c1e-4a53-9e1e-3c2b8f1d7a10\n")
                .contains("Acknowledgements: Thanks to the crew of RV Tethys II.", "Funding: ANR-20-XXXX",
                        "Please also cite:\n- Picheral et al. 2022, L&O Methods");
    }

    @Test
    void bibtexEscapesWhatLatexWouldReadAsCommands() {
        assertThat(citation.bibtex())
                .startsWith("@misc{aqqua_0d6f3a528c1e4a539e1e3c2b8f1d7a10,\n")
                .contains("author    = {Dupont, Marie and Martin, Jean-Luc}")
                .contains("title     = {UVP6 profiles of the Ligurian Sea \\{2021\\}}")
                .contains("year      = {2027}");
    }

    @Test
    void cslJsonHasStructuredNames() throws Exception {
        JsonNode item = new ObjectMapper().readTree(citation.cslJson(new ObjectMapper())).get(0);
        assertThat(item.path("type").asText()).isEqualTo("dataset");
        assertThat(item.path("author").get(0).path("family").asText()).isEqualTo("Dupont");
        assertThat(item.path("author").get(1).path("given").asText()).isEqualTo("Jean-Luc");
        assertThat(item.path("issued").path("date-parts").get(0).get(0).asInt()).isEqualTo(2027);
        assertThat(item.path("license").asText()).isEqualTo("CC-BY-NC-4.0");
    }
}
