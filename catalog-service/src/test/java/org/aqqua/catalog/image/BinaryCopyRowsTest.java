package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's binary COPY format read row by row, whatever the stream hands over per read: rows that straddle
 * reads, rows larger than the buffer, nulls, and the end of the data.
 */
class BinaryCopyRowsTest {

    private static final long MICROS_1970_TO_2000 = 946_684_800_000_000L;

    record Row(long id, UUID uuid, int number, double value, long epochMicros, String text) {
    }

    @Test
    void readsEveryRowAndValueWhateverTheReadSizes() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            int repeats = n % 500 == 7 ? 20_000 : random.nextInt(0, 40); // some rows larger than the buffer
            String text = n % 11 == 0 ? null : "é✓😀,\"\t".repeat(repeats);
            rows.add(new Row(random.nextLong(), new UUID(random.nextLong(), random.nextLong()), random.nextInt(),
                    random.nextDouble() * 1e6 - 5e5, random.nextLong(-2_000_000_000_000_000L, 9_000_000_000_000_000L),
                    text));
        }
        byte[] copy = copy(rows);
        for (int maxRead : new int[] {1, 7, 4096, 1 << 20}) {
            BinaryCopyRows read = new BinaryCopyRows(chunked(copy, maxRead, random.split()), 6);
            for (Row row : rows) {
                assertThat(read.next()).isTrue();
                assertThat(read.int8(0)).isEqualTo(row.id());
                assertThat(read.uuid(1)).isEqualTo(row.uuid());
                assertThat(read.int4(2)).isEqualTo(row.number());
                assertThat(read.float8(3)).isEqualTo(row.value());
                assertThat(read.float8OrNull(3)).isEqualTo(row.value());
                assertThat(read.epochMicros(4)).isEqualTo(row.epochMicros());
                assertThat(read.timestamptz(4)).isEqualTo(Instant.ofEpochSecond(
                        Math.floorDiv(row.epochMicros(), 1_000_000L),
                        Math.floorMod(row.epochMicros(), 1_000_000L) * 1_000L));
                assertThat(read.isNull(5)).isEqualTo(row.text() == null);
                assertThat(read.text(5)).isEqualTo(row.text());
                if (row.text() != null) {
                    byte[] utf8 = row.text().getBytes(StandardCharsets.UTF_8);
                    assertThat(read.length(5)).isEqualTo(utf8.length);
                    assertThat(Arrays.copyOfRange(read.buffer(), read.start(5), read.start(5) + read.length(5)))
                            .isEqualTo(utf8);
                } else {
                    assertThat(read.length(5)).isEqualTo(-1);
                }
            }
            assertThat(read.next()).isFalse();
            assertThat(read.next()).isFalse();
        }
    }

    @Test
    void anEmptyResultHasNoRow() throws IOException {
        assertThat(new BinaryCopyRows(new ByteArrayInputStream(copy(List.of())), 6).next()).isFalse();
    }

    @Test
    void refusesWhatIsNotItsFormat() throws IOException {
        byte[] copy = copy(List.of(new Row(1, UUID.randomUUID(), 2, 3.0, 4, "five")));
        assertThatThrownBy(() -> new BinaryCopyRows(new ByteArrayInputStream(copy), 5).next())
                .isInstanceOf(IOException.class).hasMessageContaining("Expected 5 columns, got 6");
        assertThatThrownBy(() -> new BinaryCopyRows(new ByteArrayInputStream("id,name\n1,x\n0123456789"
                .getBytes(StandardCharsets.US_ASCII)), 6).next()).hasMessageContaining("Not PostgreSQL's");
        byte[] cut = Arrays.copyOf(copy, copy.length - 6);
        assertThatThrownBy(() -> new BinaryCopyRows(new ByteArrayInputStream(cut), 6).next())
                .isInstanceOf(EOFException.class);
    }

    /** Rows as PostgreSQL writes them for (bigint, uuid, integer, double precision, timestamptz, text). */
    private static byte[] copy(List<Row> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0); // flags
        out.writeInt(3); // header extension: skipped
        out.write(new byte[] {9, 9, 9});
        for (Row row : rows) {
            out.writeShort(6);
            out.writeInt(8);
            out.writeLong(row.id());
            out.writeInt(16);
            out.writeLong(row.uuid().getMostSignificantBits());
            out.writeLong(row.uuid().getLeastSignificantBits());
            out.writeInt(4);
            out.writeInt(row.number());
            out.writeInt(8);
            out.writeDouble(row.value());
            out.writeInt(8);
            out.writeLong(row.epochMicros() - MICROS_1970_TO_2000);
            if (row.text() == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = row.text().getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    /** Hands the bytes over in reads of 1 to {@code maxRead} bytes. */
    private static InputStream chunked(byte[] data, int maxRead, SplittableRandom random) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, random.nextInt(1, maxRead + 1)));
            }
        };
    }
}
