package org.aqqua.catalog.image;

/**
 * {@code bbox=minLon,minLat,maxLon,maxLat} in degrees (WGS 84), as in OGC APIs. A box whose minLon is greater
 * than its maxLon crosses the antimeridian (e.g. 170,-20,-170,20 around Fiji).
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public boolean crossesAntimeridian() {
        return minLon > maxLon;
    }

    /** Parses and checks a bbox parameter; the message says what is wrong in the client's terms. */
    public static BoundingBox parse(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("must be minLon,minLat,maxLon,maxLat (four numbers)");
        }
        double[] numbers = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(numbers[i])) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a finite number");
            }
        }
        BoundingBox box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (Math.abs(box.minLon) > 180 || Math.abs(box.maxLon) > 180) {
            throw new IllegalArgumentException("longitudes must be between -180 and 180");
        }
        if (Math.abs(box.minLat) > 90 || Math.abs(box.maxLat) > 90) {
            throw new IllegalArgumentException("latitudes must be between -90 and 90");
        }
        if (box.minLat > box.maxLat) {
            throw new IllegalArgumentException("minLat is above maxLat: the box is reversed");
        }
        return box;
    }
}
