package org.aqqua.catalog.image;

import java.util.List;

/** One page of images in id order; {@code nextCursor} is null on the last page. */
public record ImagePage(List<ImageView> items, String nextCursor) {
}
