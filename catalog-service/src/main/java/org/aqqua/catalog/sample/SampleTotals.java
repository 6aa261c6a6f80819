package org.aqqua.catalog.sample;

/**
 * How a registration adds its new images to their samples: one statement, part of the registration's own insert
 * (a data-modifying CTE reading the {@code inserted} rows), so counts and ranges change with the images or not at
 * all. Ranges only widen: images are never removed from a dataset that is still taking data.
 */
public final class SampleTotals {

    /** A CTE named {@code samples}; expects a CTE {@code inserted} before it and one dataset id parameter. */
    public static final String ADD_INSERTED = "samples as (insert into sample (dataset_id, sample_id, image_count, "
            + "image_bytes, min_latitude, max_latitude, min_longitude, max_longitude, first_observed, last_observed, "
            + "min_depth, max_depth, min_altitude, max_altitude) "
            + "select ?, sample_id, count(*), sum(bytes), min(latitude), max(latitude), min(longitude), "
            + "max(longitude), min(observed_at), max(observed_at), min(depth_min), max(coalesce(depth_max, depth_min)), "
            + "min(altitude), max(altitude) from inserted where sample_id is not null group by sample_id "
            + "on conflict (dataset_id, sample_id) do update set "
            + "image_count = sample.image_count + excluded.image_count, "
            + "image_bytes = sample.image_bytes + excluded.image_bytes, "
            + "min_latitude = least(sample.min_latitude, excluded.min_latitude), "
            + "max_latitude = greatest(sample.max_latitude, excluded.max_latitude), "
            + "min_longitude = least(sample.min_longitude, excluded.min_longitude), "
            + "max_longitude = greatest(sample.max_longitude, excluded.max_longitude), "
            + "first_observed = least(sample.first_observed, excluded.first_observed), "
            + "last_observed = greatest(sample.last_observed, excluded.last_observed), "
            + "min_depth = least(sample.min_depth, excluded.min_depth), "
            + "max_depth = greatest(sample.max_depth, excluded.max_depth), "
            + "min_altitude = least(sample.min_altitude, excluded.min_altitude), "
            + "max_altitude = greatest(sample.max_altitude, excluded.max_altitude)) ";

    private SampleTotals() {
    }
}
