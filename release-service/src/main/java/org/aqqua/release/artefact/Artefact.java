package org.aqqua.release.artefact;

/** One file of a release as its manifest lists it. */
public record Artefact(String name, String mediaType, long bytes, String sha256) {
}
