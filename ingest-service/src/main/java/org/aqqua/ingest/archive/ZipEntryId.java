package org.aqqua.ingest.archive;

/**
 * An entry of an uploaded zip as its own records name it: the name, the CRC-32 and the size of its content. Two
 * readings of the same entry (streamed while the upload arrived, then through the central directory) agree on
 * all three.
 */
public record ZipEntryId(String name, long crc, long size) {
}
