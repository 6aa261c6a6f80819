package org.aqqua.ingest.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The image input over bytes in memory keeps ImageInputStream's contract: positions, seeks, ends, closing. */
class ByteArrayImageInputTest {

    private final byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void readsInPiecesSeeksBackAndEnds() throws IOException {
        try (ByteArrayImageInput input = new ByteArrayImageInput(bytes)) {
            assertThat(input.length()).isEqualTo(10);
            byte[] piece = new byte[4];
            assertThat(input.read(piece, 0, 4)).isEqualTo(4);
            assertThat(piece).containsExactly(1, 2, 3, 4);
            assertThat(input.getStreamPosition()).isEqualTo(4);
            input.seek(1);
            input.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            assertThat(input.readShort()).isEqualTo((short) 0x0302);
            assertThat(input.read(new byte[20], 5, 15)).isEqualTo(7);
            assertThat(input.read()).isEqualTo(-1);
            assertThat(input.read(new byte[2], 0, 2)).isEqualTo(-1);
            assertThat(input.read(new byte[2], 0, 0)).isZero();
            input.seek(9);
            assertThat(input.read()).isEqualTo(10);
            input.seek(8);
            assertThatThrownBy(() -> input.readFully(new byte[3])).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aClosedInputIsNotRead() throws IOException {
        ByteArrayImageInput input = new ByteArrayImageInput(bytes);
        input.close();
        assertThatThrownBy(input::read).isInstanceOf(IOException.class);
    }
}
