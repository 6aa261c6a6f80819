package org.aqqua.runtime.time;

import org.jboss.logging.Logger;

/**
 * Logs how long each phase of a long piece of work took ({@code "<subject>: <phase> in 1.2 s"}), so an operator
 * sees where a slow job or build spends its time. One instance per piece of work, used by one thread.
 */
public final class PhaseTimer {

    private final Logger log;
    private final String subject;
    private long last = System.nanoTime();

    public PhaseTimer(Logger log, String subject) {
        this.log = log;
        this.subject = subject;
    }

    /** Logs the time since the previous lap (or since this timer was made) under {@code phase}. */
    public void lap(String phase) {
        long now = System.nanoTime();
        log.infof("%s: %s in %.1f s", subject, phase, (now - last) / 1e9);
        last = now;
    }
}
