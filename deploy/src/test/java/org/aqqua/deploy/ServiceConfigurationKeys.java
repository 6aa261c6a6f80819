package org.aqqua.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a service understands: the canonical environment form of every property in its
 * application.properties (MicroProfile Config: non-alphanumerics become '_', upper case; a profile prefix such as
 * {@code %dev.} is dropped), and every variable its properties reference as {@code ${NAME}}.
 */
final class ServiceConfigurationKeys {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");

    private ServiceConfigurationKeys() {
    }

    static Set<String> environmentNames(Path applicationProperties) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(toEnvironmentName(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key));
            Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                names.add(reference.group(1));
            }
        }
        return names;
    }

    static String toEnvironmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
