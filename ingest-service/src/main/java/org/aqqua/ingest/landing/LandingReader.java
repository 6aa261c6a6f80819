package org.aqqua.ingest.landing;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.aqqua.ingest.archive.ArchiveExtractor;
import org.aqqua.ingest.archive.ArchiveLimits;
import org.aqqua.ingest.archive.ArchiveRefusedException;
import org.aqqua.ingest.archive.TreePaths;
import org.aqqua.ingest.job.Fetched;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.SourceFailedException;
import org.aqqua.ingest.job.SourceKind;
import org.aqqua.ingest.job.SourceReader;
import org.aqqua.ingest.job.SourceRun;
import org.aqqua.ingest.landing.LandingBucket.LandingObject;

/**
 * Reads a landing prefix for a job. A prefix holding one archive is read exactly as if that archive had been
 * uploaded; otherwise the prefix is a folder tree, copied object by object to scratch disk, and each archive in it
 * is unpacked in place into a folder of its own name, as a zip nested in an upload is. The same limits as for an
 * archive apply (entries, total size), checked while listing, before anything is copied beyond them.
 */
@ApplicationScoped
class LandingReader implements SourceReader {

    /** Object GETs in flight: enough to hide S3 latency, few enough to leave the storage to the image PUTs. */
    private static final int PARALLEL_COPIES = 16;

    private final LandingBucket landing;
    private final ArchiveExtractor extractor;
    private final ArchiveLimits limits;

    LandingReader(LandingBucket landing, ArchiveExtractor extractor, ArchiveLimits limits) {
        this.landing = landing;
        this.extractor = extractor;
        this.limits = limits;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LANDING;
    }

    @Override
    public Fetched fetch(Job job, SourceRun run) throws Exception {
        Iterator<LandingObject> objects = landing.objects(job.sourceBucket, job.sourceKey).iterator();
        if (!objects.hasNext()) {
            throw new SourceFailedException("nothing is left under s3://" + job.sourceBucket + "/" + job.sourceKey
                    + ": the landing prefix was emptied after the import was requested");
        }
        LandingObject first = objects.next();
        if (!objects.hasNext() && LandingPaths.isArchive(first.key())) {
            Path archive = run.work().resolve("archive");
            landing.copy(job.sourceBucket, first.key(), archive);
            run.bytesRead(first.size());
            return Fetched.archive(archive, first.size(), null);
        }
        return copyTree(job, run, first, objects);
    }

    private Fetched copyTree(Job job, SourceRun run, LandingObject first, Iterator<LandingObject> rest)
            throws Exception {
        Path tree = Files.createDirectories(run.work().resolve("tree"));
        Path packed = Files.createDirectories(run.work().resolve("packed"));
        List<String> archives = new ArrayList<>();
        TreePaths paths = new TreePaths("import", "another object of the import has the same path (keys that "
                + "differ only in \"//\" or \"./\")");
        long count = 0;
        long listedBytes = 0;
        long copied;
        try (ParallelCopies copies = new ParallelCopies(PARALLEL_COPIES, run::bytesRead)) {
            for (LandingObject object = first; object != null; object = rest.hasNext() ? rest.next() : null) {
                run.checkStop();
                String relative = LandingPaths.relative(job.sourceKey, object.key());
                listedBytes += object.size();
                checkLimits(++count, listedBytes, relative);
                Path inTree = LandingPaths.inTree(tree, relative);
                paths.folder(inTree.getParent(), relative);
                Path target;
                if (LandingPaths.isArchive(relative)) {
                    target = packed.resolve(Integer.toString(archives.size()));
                    archives.add(relative);
                } else {
                    target = inTree;
                    // Created here, before its copy starts, so that the tree takes its shape in listing order, not
                    // in the order copies finish; the copy replaces it.
                    paths.file(target, relative).close();
                }
                String key = object.key();
                copies.start(() -> landing.copy(job.sourceBucket, key, target), object.size());
            }
            copied = copies.finish();
        }
        for (int i = 0; i < archives.size(); i++) {
            run.checkStop();
            unpack(packed.resolve(Integer.toString(i)), tree, archives.get(i));
        }
        return Fetched.tree(tree, copied);
    }

    private void checkLimits(long count, long bytes, String relative) throws ArchiveRefusedException {
        if (count > limits.maxEntries()) {
            throw new ArchiveRefusedException(relative, "the landing prefix holds more than " + limits.maxEntries()
                    + " objects (aqqua.ingest.archive.max-entries)");
        }
        if (bytes > limits.maxTotalSize().asLongValue()) {
            throw new ArchiveRefusedException(relative, "the landing prefix holds more than "
                    + limits.maxTotalSize().asLongValue() + " bytes (aqqua.ingest.archive.max-total-size)");
        }
    }

    /** Unpacks an archive of the tree into a folder of its own name; a refused entry is named below it. */
    private void unpack(Path archive, Path tree, String relative) throws Exception {
        try {
            extractor.extractAll(archive, LandingPaths.inTree(tree, relative));
        } catch (ArchiveRefusedException refused) {
            throw new ArchiveRefusedException(refused.entry() == null ? relative : relative + "/" + refused.entry(),
                    refused.getMessage(), refused);
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
