package org.aqqua.catalog.sample;

import java.util.List;

/** A page of a dataset's samples in sample id order; {@code next} is the {@code after} of the next page, or null. */
public record SamplePage(List<SampleView> items, String next) {
}
