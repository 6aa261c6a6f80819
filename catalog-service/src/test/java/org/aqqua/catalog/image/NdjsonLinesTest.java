package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aqqua.runtime.problem.ProblemException;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    private static List<String> read(byte[] body, int max) {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(body), max);
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(lines.lineNumber() + ":" + line);
        }
        return all;
    }

    @Test
    void numbersLinesAcrossLineEndsAndBlockBoundaries() {
        String longLine = "x".repeat(70_000);
        byte[] body = ("{\"a\":1}\r\n\n" + longLine + "\n{\"é\":\"ü\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(read(body, 100_000)).containsExactly("1:{\"a\":1}", "2:", "3:" + longLine, "4:{\"é\":\"ü\"}");
    }

    @Test
    void refusesLinesOverTheLimitAndBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> read("ok\n0123456789\n".getBytes(StandardCharsets.UTF_8), 5))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors().get(0).row()).isEqualTo(2L));
        assertThatThrownBy(() -> read(new byte[] {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'}, 100))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("is not UTF-8");
    }

    @Test
    void aPartOfALongerListIsNumberedFromItsFirstLine() {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), 10,
                501);
        assertThat(lines.next()).isEqualTo("a");
        assertThat(lines.lineNumber()).isEqualTo(501);
        assertThat(lines.next()).isEqualTo("b");
        assertThat(lines.lineNumber()).isEqualTo(502);
        // Bytes that are not UTF-8 at the very start of the part are named by the part's first line.
        NdjsonLines broken = new NdjsonLines(new ByteArrayInputStream(new byte[] {(byte) 0xC3, (byte) 0x28}), 10, 501);
        assertThatThrownBy(broken::next).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors().get(0).row()).isEqualTo(501L));
    }
}
