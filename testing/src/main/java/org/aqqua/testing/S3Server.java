package org.aqqua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real S3 API server: s3proxy with its filesystem backend, as a child process. Objects live under
 * {@code dataDir}, so they survive a restart; the port is fixed for the same reason.
 */
public final class S3Server extends ChildServer {

    public static final String ACCESS_KEY = "aqqua-local";
    public static final String SECRET_KEY = "aqqua-local-secret";

    private final Path dataDir;
    private final int port;

    public S3Server(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public S3Server start() {
        ensureStarted();
        return this;
    }

    @Override
    protected ChildProcess launch() {
        try {
            Path blobs = Files.createDirectories(dataDir.resolve("blobs"));
            Path properties = dataDir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + blobs,
                    ""));
            ChildProcess process = ChildProcess.start("s3proxy",
                    List.of(javaExecutable(), "-Xmx256m", "-jar", HarnessPaths.s3proxyJar().toString(),
                            "--properties", properties.toString()),
                    Map.of(), dataDir, dataDir.resolve("s3proxy.log"));
            // An anonymous request is answered (403) once s3proxy listens; 200 is not needed to know it is up.
            awaitListening(process, Duration.ofSeconds(60));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(ChildProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("s3proxy exited; see " + process.log());
                }
                ChildProcess.sleep(100);
            }
        }
        process.stop();
        throw new IllegalStateException("s3proxy not listening on " + URI.create(endpoint()) + "; see "
                + process.log());
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
