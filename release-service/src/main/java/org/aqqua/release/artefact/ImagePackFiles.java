package org.aqqua.release.artefact;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.aqqua.catalog.client.CatalogExports;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A dataset's images as tar packs for bulk download ({@code images-0001.tar}, ... of about
 * {@code aqqua.release.pack-size} each), and {@code images-index.csv} making every image addressable by its id:
 * pack, byte offset of its content in the pack and length, so that one image is one HTTP range request. Packs
 * come from the catalog one at a time, are indexed, stored and deleted locally before the next: scratch disk
 * holds one pack.
 */
@ApplicationScoped
public class ImagePackFiles {

    public static final String INDEX = "images-index.csv";

    private final CatalogExports catalog;
    private final ArtefactStore store;
    private final long packSize;
    private final boolean enabled;

    ImagePackFiles(CatalogExports catalog, ArtefactStore store,
            @ConfigProperty(name = "aqqua.release.pack-size", defaultValue = "1G") MemorySize packSize,
            @ConfigProperty(name = "aqqua.release.image-packs", defaultValue = "true") boolean enabled) {
        this.catalog = catalog;
        this.store = store;
        this.packSize = packSize.asLongValue();
        this.enabled = enabled;
    }

    /**
     * Stores the packs under {@code prefix} and writes the index into {@code dir}; returns packs then index, or
     * nothing when packs are switched off ({@code aqqua.release.image-packs=false}: images distributed otherwise).
     */
    public List<Artefact> write(UUID datasetId, Path dir, String prefix) throws Exception {
        if (!enabled) {
            return List.of();
        }
        List<Artefact> packs = new ArrayList<>();
        long afterId = 0;
        try (BufferedWriter index = Files.newBufferedWriter(dir.resolve(INDEX), StandardCharsets.UTF_8)) {
            index.write("image_id,pack,offset,bytes\n");
            for (int number = 1; ; number++) {
                String name = String.format("images-%04d.tar", number);
                Path pack = dir.resolve(name);
                catalog.pack(datasetId, afterId, packSize, pack);
                long last = index(pack, name, index);
                if (last < 0) {
                    Files.delete(pack);
                    break;
                }
                afterId = last;
                Artefact artefact = DatasetArtefacts.describe(dir, name, "application/x-tar");
                store.put(prefix + name, pack, artefact.mediaType());
                Files.delete(pack);
                packs.add(artefact);
            }
        }
        packs.add(DatasetArtefacts.describe(dir, INDEX, "text/csv; charset=UTF-8"));
        return packs;
    }

    /** Writes an index row per entry of the pack; returns the last image id in it, -1 for an empty pack. */
    private static long index(Path pack, String name, BufferedWriter index) throws Exception {
        long last = -1;
        try (TarFile tar = new TarFile(pack)) {
            for (TarArchiveEntry entry : tar.getEntries()) {
                String file = entry.getName();
                long id = Long.parseLong(file.substring(0, file.indexOf('.')));
                index.write(id + "," + name + "," + entry.getDataOffset() + "," + entry.getSize() + "\n");
                last = id;
            }
        }
        return last;
    }
}
