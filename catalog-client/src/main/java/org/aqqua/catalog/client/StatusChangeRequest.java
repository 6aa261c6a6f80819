package org.aqqua.catalog.client;

/** Body of a dataset state change: {@code status} is a wire name (receiving, ready, released, withdrawn). */
public record StatusChangeRequest(String status, String reason) {
}
