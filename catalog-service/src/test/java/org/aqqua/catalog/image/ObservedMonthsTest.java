package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The months of instants, numbered as the generated column {@code image.observed_month} numbers them (V6). */
class ObservedMonthsTest {

    @Test
    void monthsCountFromJanuary1970InUtc() {
        assertThat(ObservedMonths.of(Instant.parse("1970-01-01T00:00:00Z"))).isZero();
        assertThat(ObservedMonths.of(Instant.parse("1970-01-31T23:59:59.999999Z"))).isZero();
        assertThat(ObservedMonths.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(ObservedMonths.of(Instant.parse("1968-03-04T05:06:07Z"))).isEqualTo(-22);
        assertThat(ObservedMonths.of(Instant.parse("2015-07-15T12:00:00Z"))).isEqualTo(45 * 12 + 6);
        // Local time does not move an instant to another month: 23:30 on 31 July in UTC is August in Tokyo.
        assertThat(ObservedMonths.of(Instant.parse("2015-07-31T23:30:00Z"))).isEqualTo(45 * 12 + 6);
    }

    @Test
    void aRangeEndingOnTheFirstInstantOfAMonthDoesNotTouchIt() {
        assertThat(ObservedMonths.lastBefore(Instant.parse("2016-01-01T00:00:00Z"))).isEqualTo(45 * 12 + 11);
        assertThat(ObservedMonths.lastBefore(Instant.parse("2016-01-01T00:00:00.000001Z"))).isEqualTo(46 * 12);
        assertThat(ObservedMonths.lastBefore(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo(-1);
    }
}
