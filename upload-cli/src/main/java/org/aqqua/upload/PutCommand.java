package org.aqqua.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "put", mixinStandardHelpOptions = true, description = {
        "Uploads a file (zip, tar, tar.gz) or a folder (packed on the fly as a tar) into a dataset as a resumable "
                + "multipart upload, waits for the ingest job and prints its validation report.",
        "Interrupted? Run the same command again: it asks the service which parts arrived and sends the rest."})
final class PutCommand implements Callable<Integer> {

    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

    @ParentCommand
    AqquaUpload cli;

    @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "UUID", description = "The dataset to upload into.")
    UUID dataset;

    @Option(names = "--policy", defaultValue = "all-or-nothing", paramLabel = "POLICY",
            description = "all-or-nothing (default: nothing is registered unless every row is valid) or accept-valid.")
    String policy;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N", description = "Parts sent at once (default 4).")
    int parallel;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (a bar on a terminal, a line every 10 s otherwise), bar, plain or none.")
    String progress;

    @Option(names = "--no-wait", description = "Exit once the upload is complete and its job queued.")
    boolean noWait;

    @Option(names = "--wait-timeout", defaultValue = "PT24H", paramLabel = "DURATION",
            description = "Longest wait for the job, ISO-8601 (default PT24H).")
    Duration waitTimeout;

    @Option(names = "--max-problems", defaultValue = "200", paramLabel = "N",
            description = "Problems printed at most (default 200); --report-csv has all of them.")
    int maxProblems;

    @Option(names = "--report-csv", paramLabel = "FILE", description = "Also save the whole report as CSV.")
    Path reportCsv;

    @Option(names = "--restart", description = "Abort the interrupted upload of this file, if any, and start anew.")
    boolean restart;

    @Option(names = "--retries", defaultValue = "6", paramLabel = "N",
            description = "Attempts per request and part before giving up (default 6, backoff 1 s doubling to 30 s).")
    int retries;

    @Option(names = "--stop-after-parts", hidden = true, defaultValue = "0",
            description = "Test hook: stop after this many parts were recorded in this run (exit code 6).")
    int stopAfterParts;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "PT1S", description = "How often the job is polled.")
    Duration pollInterval;

    @Parameters(index = "0", paramLabel = "FILE_OR_FOLDER", description = "The archive file or the folder to upload.")
    Path path;

    @Override
    public Integer call() throws Exception {
        if (!policy.equals("all-or-nothing") && !policy.equals("accept-valid")) {
            throw new CliException(ExitCodes.USAGE, "--policy must be all-or-nothing or accept-valid");
        }
        UploadSource source;
        try {
            source = UploadSource.of(path);
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_FILE, "Cannot read " + path + ": " + e.getMessage(), e);
        }
        if (source instanceof TarFolderSource folder) {
            cli.err.printf(Locale.ROOT, "Packing folder %s on the fly: %,d files, %s as %s%n", path,
                    folder.fileCount(), ProgressMeter.bytes(source.size()), source.fileName());
        }
        HttpClient http = AqquaUpload.http();
        Oidc oidc = new Oidc(http, cli.oidcUrl());
        Backoff backoff = new Backoff(Math.max(1, retries), Duration.ofSeconds(1), Duration.ofSeconds(30));
        IngestApi api = new IngestApi(http, cli.ingestUrl(), cli.tokens(oidc), backoff);
        StateStore store = new StateStore(cli.configDir());
        String key = StateStore.key(path, dataset, cli.ingestUrl());

        UploadState state = null;
        JsonNode view = null;
        Optional<UploadState> stored = store.load(key);
        if (stored.isPresent()) {
            UploadState previous = stored.get();
            if (restart || !previous.matches(source)) {
                cli.err.println(restart ? "Abandoning upload " + previous.uploadId() + " (--restart)."
                        : path + " changed since upload " + previous.uploadId() + " started: starting a new upload.");
                abortQuietly(api, previous);
                store.delete(key);
            } else {
                view = existing(api, previous);
                state = view == null ? null : previous;
                if (view == null) {
                    store.delete(key);
                }
            }
        }
        if (view == null) {
            view = api.openUpload(dataset, source.fileName(), source.size());
            state = new UploadState(key, path.toAbsolutePath().normalize().toString(), dataset, cli.ingestUrl(),
                    UUID.fromString(view.path("id").asText()), source.fileName(), source.size(),
                    view.path("partSize").asLong(), view.path("partCount").asInt(), source.fingerprint(), null,
                    Instant.now());
            store.save(state);
        }

        UUID job;
        if ("completed".equals(view.path("state").asText()) && view.hasNonNull("jobId")) {
            job = UUID.fromString(view.get("jobId").asText());
            cli.err.println("Upload " + state.uploadId() + " was already completed; its job is " + job + ".");
        } else {
            Integer sent = sendParts(http, api, state, view, source, backoff);
            if (sent != null) {
                return sent;
            }
            JsonNode queued;
            try {
                queued = api.complete(state.uploadId(), policy);
            } catch (ApiException e) {
                if (e.status != 409 || !e.getMessage().contains("misses part")) {
                    throw e;
                }
                cli.err.println("The service misses parts; sending them again.");
                Integer again = sendParts(http, api, state, api.upload(state.uploadId(), 1), source, backoff);
                if (again != null) {
                    return again;
                }
                queued = api.complete(state.uploadId(), policy);
            }
            job = UUID.fromString(queued.path("id").asText());
            state = state.withJob(job);
            store.save(state);
            cli.err.println("Upload complete; job " + job + " queued (policy " + policy + ").");
        }
        if (noWait) {
            cli.out.println(job);
            store.delete(key);
            return ExitCodes.OK;
        }
        return waitAndReport(api, job, store, key);
    }

    /** The stored upload as the service has it now, or null when it is gone or was aborted. */
    private JsonNode existing(IngestApi api, UploadState previous) {
        try {
            JsonNode view = api.upload(previous.uploadId(), 1);
            String upstate = view.path("state").asText();
            if ("aborted".equals(upstate)) {
                cli.err.println("Upload " + previous.uploadId() + " was aborted: starting a new upload.");
                return null;
            }
            if (view.path("partSize").asLong() != previous.partSize() || view.path("size").asLong() != previous.size()) {
                cli.err.println("Upload " + previous.uploadId() + " does not match this file: starting a new upload.");
                return null;
            }
            return view;
        } catch (ApiException e) {
            if (e.status == 404) {
                cli.err.println("Upload " + previous.uploadId() + " is unknown to the service: starting a new upload.");
                return null;
            }
            throw e;
        }
    }

    private void abortQuietly(IngestApi api, UploadState previous) {
        try {
            api.abort(previous.uploadId());
        } catch (RuntimeException e) {
            // Gone already, completed or unreachable: the stale-upload sweep takes care of it.
        }
    }

    /** Sends what the service misses; null when every part arrived, otherwise the exit code. */
    private Integer sendParts(HttpClient http, IngestApi api, UploadState state, JsonNode view, UploadSource source,
            Backoff backoff) throws InterruptedException {
        PartPlan plan;
        try {
            plan = new PartPlan(source.size(), view.path("partSize").asLong(), view.path("partCount").asInt());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.REFUSED, "Unexpected part plan from the service: " + e.getMessage());
        }
        Set<Integer> received = new HashSet<>();
        for (JsonNode part : view.path("receivedParts")) {
            received.add(part.path("partNumber").asInt());
        }
        List<PartPlan.Part> missing = plan.missing(received);
        if (!received.isEmpty()) {
            cli.err.printf(Locale.ROOT, "Resuming upload %s: %d of %d parts already received, %d to send.%n",
                    state.uploadId(), received.size(), plan.partCount(), missing.size());
        } else {
            cli.err.printf(Locale.ROOT, "Uploading %s (%s) into dataset %s: %d parts of %s, %d at once (upload %s).%n",
                    source.fileName(), ProgressMeter.bytes(source.size()), dataset, plan.partCount(),
                    ProgressMeter.bytes(plan.partSize()), parallel, state.uploadId());
        }
        if (missing.isEmpty()) {
            return null;
        }
        ProgressMeter meter = new ProgressMeter(source.size(), plan.bytesOf(received), System::nanoTime);
        PartUploader uploader = new PartUploader(http, api, state.uploadId(), source, plan, meter, backoff, parallel,
                stopAfterParts);
        uploader.addUrls(view.path("partUrls"));
        PartUploader.Outcome outcome;
        try (ProgressDisplay display = new ProgressDisplay(meter, cli.err, progressMode())) {
            outcome = uploader.send(missing);
        }
        double seconds = meter.elapsedSeconds();
        long bytesThisRun = meter.done() - plan.bytesOf(received);
        cli.err.printf(Locale.ROOT, "Sent %s in %.1f s (%s/s).%n", ProgressMeter.bytes(bytesThisRun), seconds,
                ProgressMeter.bytes((long) (bytesThisRun / Math.max(seconds, 1e-3))));
        if (outcome == PartUploader.Outcome.STOPPED) {
            cli.err.println("Stopped before every part was sent (--stop-after-parts); run the same command again to "
                    + "resume upload " + state.uploadId() + ".");
            return ExitCodes.INCOMPLETE;
        }
        return null;
    }

    private ProgressDisplay.Mode progressMode() {
        return switch (progress) {
            case "bar" -> ProgressDisplay.Mode.bar;
            case "plain" -> ProgressDisplay.Mode.plain;
            case "none" -> ProgressDisplay.Mode.none;
            default -> cli.terminal ? ProgressDisplay.Mode.bar : ProgressDisplay.Mode.plain;
        };
    }

    private int waitAndReport(IngestApi api, UUID jobId, StateStore store, String key) throws Exception {
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        String shown = null;
        long shownAt = 0;
        JsonNode job;
        while (true) {
            job = api.job(jobId);
            String state = job.path("state").asText();
            if (FINAL.contains(state)) {
                break;
            }
            JsonNode p = job.path("progress");
            String line = String.format(Locale.ROOT, "Job %s: %s, %s of %s read, %d rows checked, %d images stored",
                    jobId, state, ProgressMeter.bytes(p.path("bytesRead").asLong()),
                    ProgressMeter.bytes(p.path("archiveBytes").asLong()), p.path("rowsChecked").asLong(),
                    p.path("imagesStored").asLong());
            if (!state.equals(shown) || System.nanoTime() - shownAt > 10_000_000_000L) {
                cli.err.println(line);
                shown = state;
                shownAt = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                cli.err.println("Job " + jobId + " is still " + state + " after " + waitTimeout
                        + "; run the same command again to keep waiting.");
                return ExitCodes.WAIT_TIMEOUT;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        ReportPrinter printer = new ReportPrinter(cli.out, maxProblems);
        printer.summary(job);
        if (job.path("counts").path("problems").asLong() > 0) {
            api.report(jobId, "json", printer::problems);
        }
        if (reportCsv != null) {
            api.reportCsv(jobId, reportCsv);
            cli.err.println("Whole report saved in " + reportCsv + ".");
        }
        cli.out.flush();
        store.delete(key);
        return "succeeded".equals(job.path("state").asText()) ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
}
