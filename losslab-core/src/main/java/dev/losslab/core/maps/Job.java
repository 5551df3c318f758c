package dev.losslab.core.maps;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * A handle on long work: it receives progress and can cancel it. Work checks the job between units
 * (a row of a basin map, one run of a sweep) and stops with a {@link CancellationException} once
 * {@link #cancel()} was called or the thread that started the work was interrupted.
 *
 * <p>Progress goes to the listener as the fraction of units done, in [0, 1], from whichever worker
 * thread finished a unit: the listener must be thread-safe and quick (a terminal progress bar
 * throttles itself).
 */
public final class Job {

    private final DoubleConsumer progress;
    private final AtomicLong done = new AtomicLong();
    private volatile boolean cancelled;
    private volatile long total = 1;
    private volatile Thread owner;

    private Job(DoubleConsumer progress) {
        this.progress = progress;
    }

    /** A job nobody watches (it can still be cancelled). */
    public static Job untracked() {
        return new Job(fraction -> { });
    }

    /** A job that reports the fraction done to {@code progress}. */
    public static Job reporting(DoubleConsumer progress) {
        return new Job(progress);
    }

    /** Asks the work to stop; it throws {@link CancellationException} at its next check. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || (owner != null && owner.isInterrupted());
    }

    /** Called by the work when it starts: {@code units} to do, on behalf of the current thread. */
    void begin(long units) {
        owner = Thread.currentThread();
        total = Math.max(1, units);
        done.set(0);
        progress.accept(0);
    }

    /** Throws when the work should stop. */
    void check() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** One more unit done. */
    void unitDone() {
        progress.accept(Math.min(1, done.incrementAndGet() / (double) total));
    }
}
