package org.aqqua.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.aqqua.ingest.archive.ArchiveExtractor;
import org.aqqua.ingest.archive.ArchiveRefusedException;
import org.aqqua.ingest.archive.Limits;
import org.aqqua.ingest.early.EarlyUpload;
import org.aqqua.ingest.job.Fetched;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.SourceRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a landing prefix becomes a job's folder tree when its keys are not a file system's paths. AWS S3 holds an
 * object named like the folder of others ({@code notes} and {@code notes/a.tsv}) and keys that name one path
 * ({@code a//b.png} and {@code a/b.png}); s3proxy, the tests' S3 server, and MinIO cannot hold them, so here the
 * bucket's listing is served from memory. Everything else about landing imports is tested against the real S3
 * server ({@link LandingImportTest}).
 */
class LandingReaderTest {

    @TempDir
    Path work;

    @Test
    void anObjectNamedLikeTheFolderOfOthersIsRefusedNamingTheObjectInIt() {
        assertThatThrownBy(() -> fetch(Map.of("in/notes", "a file, not a folder", "in/notes/ecotaxa_a.tsv",
                "object_id\n")))
                .isInstanceOf(ArchiveRefusedException.class)
                .hasMessage("its folder has the name of a file of the import")
                .satisfies(e -> assertThat(((ArchiveRefusedException) e).entry()).isEqualTo("notes/ecotaxa_a.tsv"));
    }

    @Test
    void twoKeysNamingOnePathAreRefusedNamingTheSecondListed() {
        // Listed in key order: "a//b.png" before "a/b.png" ('/' sorts before 'b').
        assertThatThrownBy(() -> fetch(Map.of("in/a/b.png", "one", "in/a//b.png", "other")))
                .isInstanceOf(ArchiveRefusedException.class)
                .hasMessageContaining("another object of the import has the same path")
                .satisfies(e -> assertThat(((ArchiveRefusedException) e).entry()).isEqualTo("a/b.png"));
    }

    @Test
    void objectsOfManyFoldersAreCopiedEachToItsPath() throws Exception {
        Map<String, String> objects = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            objects.put("in/sample_" + i % 3 + "/sub/img_" + i + ".png", "image " + i);
        }
        Path tree = fetch(objects).path();
        for (int i = 0; i < 60; i++) {
            assertThat(tree.resolve("sample_" + i % 3 + "/sub/img_" + i + ".png")).hasContent("image " + i);
        }
    }

    private Fetched fetch(Map<String, String> objects) throws Exception {
        Job job = new Job();
        job.sourceBucket = "landing";
        job.sourceKey = "in/";
        LandingReader reader = new LandingReader(new BucketInMemory(objects), new ArchiveExtractor(Limits.GENEROUS),
                Limits.GENEROUS);
        return reader.fetch(job, new SourceRun(work, bytes -> { }, () -> false, EarlyUpload.none()));
    }

    /** A landing bucket as AWS S3 may hold it: any keys, listed in key order. */
    private static final class BucketInMemory extends LandingBucket {

        private final TreeMap<String, byte[]> objects = new TreeMap<>();

        BucketInMemory(Map<String, String> objects) {
            super(null);
            objects.forEach((key, text) -> this.objects.put(key, text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Iterable<LandingObject> objects(String bucket, String prefix) {
            return objects.tailMap(prefix).entrySet().stream().filter(o -> o.getKey().startsWith(prefix))
                    .map(o -> new LandingObject(o.getKey(), o.getValue().length)).toList();
        }

        @Override
        public void copy(String bucket, String key, Path target) throws IOException {
            Files.write(target, objects.get(key));
        }
    }
}
