package dev.losslab.core.maps;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Job}: once work that runs its units through {@link Job#forEachUnit} has thrown, none of its
 * units runs any more and its progress stays put, whatever the number of cores.
 */
class JobTest {

    /** Far beyond what any step here needs; reached only when something is wrong. */
    private static final long PATIENCE_SECONDS = 60;

    @Test
    void noProgressIsReportedOnceCancelled() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        Job job = Job.reporting(seen::add);
        job.begin(4);
        job.unitDone();
        job.cancel();
        job.unitDone();
        job.unitDone();
        assertThat(seen).containsExactly(0.0, 0.25);
        assertThatThrownBy(job::check).isInstanceOf(CancellationException.class);
    }

    @Test
    void anInterruptedOwnerCancelsTheJobForGood() {
        Job job = Job.untracked();
        job.begin(1);
        Thread.currentThread().interrupt();
        try {
            assertThat(job.isCancelled()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(job.isCancelled()).as("still cancelled once the interrupt is cleared").isTrue();
    }

    /**
     * One unit is still busy when a sibling stops the work with a cancel: forEachUnit must wait for
     * it. A pool of four makes the units run side by side even on a one-core machine; the busy unit
     * is one on another thread than the one that called forEachUnit (that one cannot return while it
     * runs a unit itself). The busy unit stays busy until forEachUnit has returned, or for a moment at
     * most: with the wait in place the moment always passes first, and nothing is still running when
     * forEachUnit returns.
     */
    @Test
    void forEachUnitReturnsOnlyOnceNoUnitRunsAnyMore() throws Exception {
        Job job = Job.untracked();
        AtomicInteger entered = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger ranAfterCancel = new AtomicInteger();
        AtomicBoolean busyTaken = new AtomicBoolean();
        AtomicBoolean cancelTaken = new AtomicBoolean();
        CountDownLatch busyIn = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            var insideAtReturn = pool.submit(() -> {
                Thread caller = Thread.currentThread();
                try {
                    job.forEachUnit(64, i -> {
                        entered.incrementAndGet();
                        inside.incrementAndGet();
                        try {
                            if (job.isCancelled()) {
                                ranAfterCancel.incrementAndGet();
                            }
                            if (Thread.currentThread() != caller && busyTaken.compareAndSet(false, true)) {
                                busyIn.countDown();
                                returned.await(300, MILLISECONDS);
                            } else if (busyIn.await(PATIENCE_SECONDS, SECONDS) && cancelTaken.compareAndSet(false, true)) {
                                job.cancel();
                                throw new CancellationException("cancelled");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            inside.decrementAndGet();
                        }
                    });
                    return -1;
                } catch (CancellationException expected) {
                    int left = inside.get();
                    returned.countDown();
                    return left;
                }
            });
            assertThat(insideAtReturn.get(PATIENCE_SECONDS, SECONDS)).as("units still running when forEachUnit threw").isZero();
            assertThat(ranAfterCancel.get()).as("units started after the cancel").isZero();
            assertThat(entered.get()).as("the units after the cancel were skipped").isLessThan(64);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingUnitIsWhatForEachUnitThrowsAndTheRestAreSkipped() {
        Job job = Job.untracked();
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> job.forEachUnit(10_000, i -> {
            ran.incrementAndGet();
            throw boom;
        })).isSameAs(boom);
        assertThat(ran.get()).isLessThan(10_000);
        assertThat(job.isCancelled()).as("a failure is not a cancel").isFalse();
    }

    @Test
    void forEachUnitRunsEveryUnitOnceAndReportsEachDone() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        Job job = Job.reporting(seen::add);
        int[] runs = new int[100];
        job.forEachUnit(100, i -> runs[i]++);
        assertThat(runs).containsOnly(1);
        assertThat(seen).hasSize(101).contains(0.0, 1.0);
    }
    /**
     * Two units of four steps, one after the other on one thread: progress moves an eighth with each
     * step; a unit that stops after one step counts its other three done when it returns; a unit
     * that reports more steps than promised moves nothing more.
     */
    @Test
    void steppedUnitsMoveTheProgressStepByStep() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        Job job = Job.reporting(seen::add);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            one.submit(() -> job.forEachUnit(2, 4, (i, stepDone) -> {
                int steps = i == 0 ? 1 : 6;
                for (int k = 0; k < steps; k++) {
                    stepDone.run();
                }
            })).join();
        } finally {
            one.shutdown();
        }
        assertThat(seen.getFirst()).isEqualTo(0.0);
        assertThat(seen.getLast()).isEqualTo(1.0);
        assertThat(seen).hasSize(1 + 2 + 4); // the start, unit 0's two reports, unit 1's four
        for (int k = 1; k < seen.size(); k++) {
            assertThat(seen.get(k)).isGreaterThan(seen.get(k - 1));
        }
        // unit 0 reports 1/8 then 3/8 at once when it returns, unit 1 four eighths one by one, whichever runs first
        assertThat(seen).allMatch(f -> f * 8 == Math.rint(f * 8));
        assertThat(seen.stream().filter(f -> f > 0).count()).as("1 + 1 + 4 reports after the start").isEqualTo(6);
    }

    @Test
    void onAFewThreadsEveryUnitRunsOnceOnAtMostThatMany() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        Job job = Job.reporting(seen::add);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        int[] runs = new int[300];
        job.forEachUnit(300, 3, i -> {
            threads.add(Thread.currentThread());
            runs[i]++;
        });
        assertThat(runs).containsOnly(1);
        assertThat(threads).hasSizeBetween(1, 3).doesNotContain(Thread.currentThread());
        assertThat(seen).hasSize(301).contains(0.0, 1.0);
    }

    @Test
    void onAFewThreadsAFailingUnitIsWhatIsThrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Job.untracked().forEachUnit(100, 2, i -> {
            throw boom;
        })).isSameAs(boom);
    }

    /**
     * The caller interrupted while units run on the pool's threads: the job is cancelled, and
     * forEachUnit throws only once the units under way have seen it and ended.
     */
    @Test
    void interruptingTheCallerOfAFewThreadsCancelsAndWaitsForTheUnits() throws Exception {
        Job job = Job.untracked();
        AtomicInteger inside = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger insideAtThrow = new AtomicInteger(-1);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                job.forEachUnit(8, 2, i -> {
                    inside.incrementAndGet();
                    started.countDown();
                    long until = System.nanoTime() + SECONDS.toNanos(PATIENCE_SECONDS);
                    while (!job.isCancelled() && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    inside.decrementAndGet();
                });
            } catch (CancellationException expected) {
                insideAtThrow.set(inside.get());
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertThat(started.await(PATIENCE_SECONDS, SECONDS)).isTrue();
        caller.interrupt();
        caller.join(SECONDS.toMillis(PATIENCE_SECONDS));
        assertThat(insideAtThrow.get()).as("units running when forEachUnit threw").isZero();
        assertThat(job.isCancelled()).isTrue();
        assertThat(stillInterrupted.get()).as("the caller's interrupt is kept").isTrue();
    }
}
