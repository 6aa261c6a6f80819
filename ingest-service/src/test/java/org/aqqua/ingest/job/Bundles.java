package org.aqqua.ingest.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Upload bodies for tests: upstream fixture folders zipped as a provider would, and the fixtures' own zips. */
public final class Bundles {

    public static final Path ECOTAXA = Path.of("../fixtures/external/ecotaxa_back/QA/py/data");

    private Bundles() {
    }

    public static byte[] file(String relative) throws IOException {
        return Files.readAllBytes(ECOTAXA.resolve(relative));
    }

    /** The folder's files in a zip, paths relative to the folder, as "zip -r" from inside it would make. */
    public static byte[] zipFolder(String relative) throws IOException {
        Path root = ECOTAXA.resolve(relative);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The folder's files in a tar.gz, paths relative to the folder. */
    static byte[] tarGzFolder(String relative) throws IOException {
        Path root = ECOTAXA.resolve(relative);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new java.util.zip.GZIPOutputStream(bytes))) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                        root.relativize(file).toString());
                entry.setSize(Files.size(file));
                tar.putArchiveEntry(entry);
                tar.write(Files.readAllBytes(file));
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The (name, content) pairs of a zip's files, with one more entry at the end. */
    static Object[] withEntry(byte[] zip, String name, byte[] content) throws IOException {
        List<Object> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.add(entry.getName());
                    entries.add(in.readAllBytes());
                }
            }
        }
        entries.add(name);
        entries.add(content);
        return entries.toArray();
    }

    /** A zip of the given (name, content) pairs. */
    public static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                Object content = namesAndContents[i + 1];
                zip.write(content instanceof String text ? text.getBytes() : (byte[]) content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
