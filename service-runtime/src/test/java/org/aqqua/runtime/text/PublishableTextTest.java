package org.aqqua.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What XML 1.0 cannot hold is found where it is, and replaced by U+FFFD; everything else is kept as it is. */
class PublishableTextTest {

    @Test
    void controlsNonCharactersAndHalfSurrogatePairsAreFoundAndReplaced() {
        String pasted = "Night\u0001casts \uFFFF \uD800 ok\t\uD83E\uDD90";
        assertThat(PublishableText.firstUnpublishable(pasted)).isEqualTo(5);
        assertThat(PublishableText.replaceUnpublishable(pasted)).isEqualTo("Night\uFFFDcasts \uFFFD \uFFFD ok\t\uD83E\uDD90");
        assertThat(PublishableText.replaceUnpublishable("\uDD90 then \uD83E")).isEqualTo("\uFFFD then \uFFFD");
        assertThat(PublishableText.firstUnpublishable("a\u007F")).isEqualTo(-1); // DEL is allowed in XML 1.0
        assertThat(PublishableText.firstUnpublishable("x\u0000")).isEqualTo(1);
    }

    @Test
    void tabsLineBreaksAccentsAndCharactersBeyondTheBasicPlaneAreKept() {
        String fine = "Plain, é, 中文\r\n\tshrimp \uD83E\uDD90";
        assertThat(PublishableText.firstUnpublishable(fine)).isEqualTo(-1);
        assertThat(PublishableText.replaceUnpublishable(fine)).isSameAs(fine);
        assertThat(PublishableText.replaceUnpublishable(null)).isNull();
    }
}
