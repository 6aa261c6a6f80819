package org.aqqua.bench;

import java.util.ArrayList;
import java.util.List;

/** The JVM options a benchmark starts a service with. */
final class JvmOptions {

    private JvmOptions() {
    }

    /**
     * {@code base}, plus any options in the system property {@code property} (space-separated), e.g. a JFR
     * recording of the phase being measured.
     */
    static List<String> plusProperty(String property, String... base) {
        List<String> options = new ArrayList<>(List.of(base));
        String extra = System.getProperty(property, "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }
}
