package org.aqqua.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One AqQua service run from its packaged jar as a child process, started and awaited until ready. */
public final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(String module, int port, ChildProcess process) {
        this.module = module;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code module}'s quarkus-run.jar with {@code config} as system properties, listening on {@code port},
     * and waits until {@code /q/health/ready} is UP.
     */
    public static ServiceProcess start(String module, int port, Map<String, String> config, Path logDir,
            List<String> jvmOptions) {
        return start(module, module, port, config, logDir, jvmOptions);
    }

    /**
     * As {@link #start(String, int, Map, Path, List)}, for one of several replicas of a module: {@code name} names
     * the process and its log file ({@code <name>.log}).
     */
    public static ServiceProcess start(String module, String name, int port, Map<String, String> config,
            Path logDir, List<String> jvmOptions) {
        Path jar = HarnessPaths.serviceJar(module);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(S3Server.javaExecutable()));
        command.addAll(ServiceConfig.jvmOptions(module));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ChildProcess process = ChildProcess.start(name, command, Map.of(), jar.getParent(),
                logDir.resolve(name + ".log"));
        process.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofMinutes(2));
        return new ServiceProcess(module, port, process);
    }

    public String module() {
        return module;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Kills the service like {@code kill -9}, to test what survives a crash. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.stop();
    }
}
