package org.aqqua.metadata.ecotaxa;

/**
 * One column of an EcoTaxa table: where it is, its name as written and as EcoTaxa normalises it (trimmed, lower
 * case), and how its values are checked.
 */
record Column(int index, String written, String name, Kind kind) {

    enum Kind {
        /** Refused by the header rules (bad name, bad type, no room): kept in raw, not checked. */
        IGNORED,
        /** Free text. */
        TEXT,
        /** A number EcoTaxa checks: {@code [f]} object columns and its own numeric fields (depth, img_rank...). */
        NUMBER,
        /** An object column in a table without a type row: numbers become traits, anything else is text. */
        UNTYPED,
        LATITUDE,
        LONGITUDE,
        DATE,
        TIME,
        STATUS
    }

    /** A measured feature: an object column of the provider's own, numeric ({@code [f]}) or untyped. */
    boolean trait() {
        return (kind == Kind.NUMBER || kind == Kind.UNTYPED) && name.startsWith("object_")
                && !EcotaxaHeader.PREDEFINED.contains(name) && !name.equals(EcotaxaHeader.ALTITUDE);
    }
}
