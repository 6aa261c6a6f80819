package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The export's instant writer against {@link Instant#toString()}, which the API's JSON and the CSV always used. */
class IsoInstantsTest {

    @Test
    void writesWhatInstantToStringWrites() {
        long[] micros = {0, 1, -1, 999, 1_000, 1_000_000, -1_000_000, 123_456, 500_000, 951_782_400_000_000L,
            946_684_799_999_999L, -62_167_219_200_000_000L, -62_167_219_200_000_001L, 253_402_300_799_999_999L,
            253_402_300_800_000_000L, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2};
        for (long value : micros) {
            assertThat(IsoInstants.toString(value)).isEqualTo(instant(value).toString());
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong(-80_000_000_000_000_000L, 300_000_000_000_000_000L);
            if (i % 3 == 0) {
                value -= Math.floorMod(value, 1_000_000L); // whole seconds
            } else if (i % 3 == 1) {
                value -= Math.floorMod(value, 1_000L); // milliseconds
            }
            assertThat(IsoInstants.toString(value)).isEqualTo(instant(value).toString());
        }
    }

    @Test
    void writesAnyInstantAsInstantToStringDoes() {
        for (String text : List.of("2021-06-02T10:15:00Z", "1969-12-31T23:59:59.999999Z",
                "2021-06-02T10:15:00.123456789Z", "+1000000000-12-31T23:59:59.999999Z",
                "-1000000000-01-01T00:00:00Z")) {
            Instant value = Instant.parse(text);
            assertThat(IsoInstants.toString(value)).isEqualTo(value.toString());
        }
        assertThat(IsoInstants.toString(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(IsoInstants.toString(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
