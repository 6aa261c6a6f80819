package org.aqqua.catalog.dataset;

import java.util.List;
import java.util.UUID;

/** One page of datasets in id order; {@code next} is the {@code after} of the following page, null on the last. */
public record InternalDatasetPage(List<InternalDatasetView> items, UUID next) {
}
