package org.aqqua.catalog.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrcidTest {

    @Test
    void checkCharacterIsVerified() {
        assertThat(Orcid.isValid("0000-0002-1825-0097")).isTrue();
        assertThat(Orcid.isValid("0000-0001-5109-3700")).isTrue();
        assertThat(Orcid.isValid("0000-0002-1694-233X")).isTrue();
        assertThat(Orcid.isValid("0000-0002-1825-0098")).isFalse();
        assertThat(Orcid.isValid("0000-0002-1825-009")).isFalse();
        assertThat(Orcid.isValid("https://orcid.org/0000-0002-1825-0097")).isFalse();
    }
}
