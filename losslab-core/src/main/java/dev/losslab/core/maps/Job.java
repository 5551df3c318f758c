package dev.losslab.core.maps;

import dev.losslab.core.run.Engine;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A handle on long work: it receives progress and can cancel it. Work checks the job between units
 * (a row of a basin map, one run of a sweep) and stops with a {@link CancellationException} once
 * {@link #cancel()} was called or the thread that started the work was interrupted.
 *
 * <p>Work spreads its units over the cores with {@link #forEachUnit}, which returns (or throws) only
 * once no unit is running any more: when the work has thrown, it has stopped. Progress goes to the
 * listener as the fraction of units done, in [0, 1], from whichever worker thread finished a unit:
 * the listener must be thread-safe and quick (a terminal progress bar throttles itself). Once the
 * job is cancelled, no more progress is reported.
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

    /** True once cancelled, or once the thread that started the work was seen interrupted (it stays so). */
    public boolean isCancelled() {
        if (!cancelled && owner != null && owner.isInterrupted()) {
            cancelled = true;
        }
        return cancelled;
    }

    /** Called by the work when it starts: {@code units} to do, on behalf of the current thread. */
    void begin(long units) {
        owner = Thread.currentThread();
        total = Math.max(1, units);
        done.set(0);
        progress.accept(0);
    }

    /** Throws {@link CancellationException} when the work should stop. */
    public void check() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** A checkpoint that throws {@link CancellationException} once this job is cancelled. */
    public Engine.Checkpoint checkpoint() {
        return step -> check();
    }

    /** One more unit done; nothing once cancelled, so progress stays put after a cancel. */
    void unitDone() {
        unitsDone(1);
    }

    private void unitsDone(long units) {
        if (isCancelled() || units <= 0) {
            return;
        }
        progress.accept(Math.min(1, done.addAndGet(units) / (double) total));
    }

    /**
     * Runs long work as units 0 … count − 1 spread over all cores (the fork-join pool of parallel
     * streams), reporting progress as they end. Each unit starts only while the job is not
     * cancelled. Returns only once no unit is running any more, also when one failed or the job was
     * cancelled: the units not yet started are skipped, those under way end (at their own checks of
     * {@link #isCancelled()}, if any), and then the first failure, or a
     * {@link CancellationException}, is thrown. So once this has thrown, nothing of the work runs
     * any more and its progress no longer moves.
     *
     * @throws CancellationException when the job is cancelled or the calling thread interrupted
     */
    public void forEachUnit(int count, IntConsumer unit) {
        forEachUnit(count, 1, (i, stepDone) -> unit.accept(i));
    }

    /** A unit that is long itself and says when each of its steps is done. */
    @FunctionalInterface
    public interface SteppedUnit {
        /**
         * Does unit {@code index}, calling {@code stepDone} after each of its steps (at most the
         * {@code steps} promised; a unit that ends early counts its remaining steps done when it returns).
         */
        void run(int index, Runnable stepDone);
    }

    /**
     * As {@link #forEachUnit(int, IntConsumer)} for units of {@code steps} steps each (the racers of
     * a training race, each a run of many updates): progress moves with every step of every unit,
     * as the fraction of count × steps done, rather than unit by unit.
     *
     * @throws CancellationException when the job is cancelled or the calling thread interrupted
     */
    public void forEachUnit(int count, long steps, SteppedUnit unit) {
        if (steps < 1) {
            throw new IllegalArgumentException("a unit has at least one step, got " + steps);
        }
        begin(count * steps);
        AtomicReference<Throwable> stopped = new AtomicReference<>();
        // No unit throws out of the stream: a parallel forEach that throws returns at once while
        // sibling units still run; one that does not returns only when every unit has ended.
        IntStream.range(0, count).parallel().forEach(i -> {
            if (stopped.get() != null) {
                return;
            }
            try {
                check();
                long[] stepsDone = {0};
                unit.run(i, () -> {
                    if (stepsDone[0] < steps) {
                        stepsDone[0]++;
                        unitDone();
                    }
                });
                unitsDone(steps - stepsDone[0]);
            } catch (Throwable thrown) {
                stopped.compareAndSet(null, thrown);
            }
        });
        rethrow(stopped.get());
        check();
    }

    /**
     * As {@link #forEachUnit(int, IntConsumer)}, on {@code threads} threads of a pool of its own
     * instead of every core: for a command told how many cores it may take ({@code --threads}). The
     * units' parallel stream runs in that pool because it is started from one of its threads. An
     * interrupt of the calling thread cancels the job, and this still returns only once no unit runs.
     *
     * @throws CancellationException when the job is cancelled or the calling thread interrupted
     */
    public void forEachUnit(int count, int threads, IntConsumer unit) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        // What the work threw, kept as it is: the pool's Future would hand back a copy made on this thread.
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        boolean interrupted = false;
        try {
            Future<?> work = pool.submit(() -> {
                try {
                    forEachUnit(count, unit);
                } catch (RuntimeException | Error e) {
                    thrown.set(e);
                }
            });
            while (true) {
                try {
                    work.get();
                    break;
                } catch (InterruptedException e) {
                    // The units check the job, not this thread: cancel it and wait for them to stop.
                    interrupted = true;
                    cancel();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("forEachUnit threw past its own catch", e);
                }
            }
        } finally {
            pool.shutdown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow(thrown.get());
        check();
    }

    private static void rethrow(Throwable thrown) {
        switch (thrown) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(thrown);
        }
    }
}
