package org.aqqua.catalog.image;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition of an {@link ImageFilter} over table {@code image i} joined with {@code dataset d}, with its
 * parameters in order. One builder for search, statistics, exports and the public API, so that they can never
 * disagree on what a filter means.
 */
public final class ImageQuery {

    /** The tables and aliases every condition here is written against. */
    public static final String FROM = " from image i join dataset d on d.id = i.dataset_id";

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private ImageQuery() {
    }

    /** Every image; scopes and conditions are added to it. */
    public static ImageQuery all() {
        return new ImageQuery();
    }

    public static ImageQuery of(ImageFilter filter) {
        ImageQuery query = new ImageQuery();
        if (!filter.datasets().isEmpty()) {
            query.in("i.dataset_id", filter.datasets());
        }
        if (filter.bbox() != null) {
            BoundingBox box = filter.bbox();
            query.add("i.latitude between ? and ?", box.minLat(), box.maxLat());
            if (box.crossesAntimeridian()) {
                query.add("(i.longitude >= ? or i.longitude <= ?)", box.minLon(), box.maxLon());
            } else {
                query.add("i.longitude between ? and ?", box.minLon(), box.maxLon());
            }
        }
        if (filter.from() != null) {
            query.add("i.observed_at >= ?", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            query.add("i.observed_at < ?", Timestamp.from(filter.to()));
        }
        // An image's depth range [depth_min, depth_max] overlaps the requested range.
        if (filter.depthMin() != null) {
            query.add("coalesce(i.depth_max, i.depth_min) >= ?", filter.depthMin());
        }
        if (filter.depthMax() != null) {
            query.add("i.depth_min <= ?", filter.depthMax());
        }
        if (!filter.instruments().isEmpty()) {
            query.in("i.instrument", filter.instruments());
        }
        if (!filter.labels().isEmpty()) {
            query.in("i.label", filter.labels());
        }
        if (filter.labelStatus() != null) {
            query.add("i.label_status = ?", filter.labelStatus().wireName());
        }
        if (filter.labelled() != null) {
            query.add(filter.labelled() ? "i.label is not null" : "i.label is null");
        }
        return query;
    }

    /** Only images of datasets that are public at {@code now}: released, embargo passed, not withdrawn. */
    public ImageQuery releasedAt(java.time.Instant now) {
        add("d.status = 'released'");
        add("d.embargo_until <= ?", Timestamp.from(now));
        return this;
    }

    public ImageQuery add(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    private void in(String column, List<?> values) {
        add(column + " in (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")",
                values.toArray());
    }

    /** {@code where ...} or the empty string. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the parameters from index {@code first}; returns the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
