package org.aqqua.testing;

/** A server the harness runs as a child process: started by the subclass, stopped and restarted alike. */
abstract class ChildServer implements AutoCloseable {

    private ChildProcess process;

    /** Starts the server unless it runs; returns once it answers. */
    protected abstract ChildProcess launch();

    protected synchronized void ensureStarted() {
        if (process == null || !process.isAlive()) {
            process = launch();
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
