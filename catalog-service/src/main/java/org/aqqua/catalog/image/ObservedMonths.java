package org.aqqua.catalog.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The month cells of column {@code image.observed_month} (migration V6): whole months since January 1970, UTC. A
 * time range is found by the months it touches, each month's images in id order in an index, plus its exact
 * bounds, as a box is by its {@link GridCells}.
 */
final class ObservedMonths {

    /**
     * The months from a first to a last (either bound null when the range is open), cut to the months that hold
     * images at all: the catalog's first and last month come from the index on months, two index lookups.
     */
    static final String SERIES = "generate_series(greatest(?::integer, (select min(observed_month) from image)), "
            + "least(?::integer, (select max(observed_month) from image)))";

    private ObservedMonths() {
    }

    /** The month of an instant. */
    static int of(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return (utc.getYear() - 1970) * 12 + utc.getMonthValue() - 1;
    }

    /**
     * The last month with instants before {@code end}: a range that ends at the first instant of a month does not
     * touch that month.
     */
    static int lastBefore(Instant end) {
        return of(end.minusNanos(1));
    }
}
