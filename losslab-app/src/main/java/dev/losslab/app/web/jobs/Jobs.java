package dev.losslab.app.web.jobs;

import dev.losslab.app.Limits;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.ErrorMapping;
import dev.losslab.core.maps.Job;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's background work ({@code /api/jobs}): each job computes one {@link JobWork} (a
 * {@link MapWork} from the API) on its own thread (the work spreads over every core), reports its
 * progress, can be cancelled, and is kept a while after it ends so its page can read the answer.
 * Everything is bounded by {@link Limits.Jobs}: jobs running at once, their computing time, and the
 * finished jobs kept and for how long.
 *
 * <p>A job counts as running until its work has returned, so a cancelled job keeps its slot until
 * its thread is done with it. The maps' work returns only once none of its units runs any more
 * ({@code Job.forEachUnit} in the core), so for them "cancelled" means "no longer computing", and
 * the progress a cancelled job reports no longer moves.
 */
public final class Jobs implements AutoCloseable {

    /** How long {@link #close()} waits, in all, for the jobs' threads to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /** Where a job is. */
    enum State {
        RUNNING, DONE, CANCELLED, FAILED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a job was cancelled. */
    enum Stop {
        REQUEST("request", "cancelled on request"),
        TIME_LIMIT("time-limit", null),
        SHUTDOWN("shutdown", "stopped because the server is shutting down");

        final String code;
        private final String message;

        Stop(String code, String message) {
            this.code = code;
            this.message = message;
        }

        String message(Limits.Jobs limits) {
            return message != null ? message : "stopped after " + seconds(limits.maxMillis())
                    + ", the longest one job may compute; ask for a smaller grid, fewer values, fewer runs or fewer steps";
        }
    }

    /** One job: its identity, its live progress and, once ended, its outcome. */
    static final class Entry {

        final String id;
        final String kind;
        /** What it computes: asked for its answer so far while it runs. */
        final JobWork work;
        private final Job job;
        private final AtomicLong progressBits;
        private final long startNanos = System.nanoTime();
        /** The first reason given wins: the time limit and a DELETE may race. */
        private final AtomicReference<Stop> stop = new AtomicReference<>();
        private volatile State state = State.RUNNING;
        private volatile long endNanos;
        private volatile String result;
        private volatile ErrorMapping.Problem problem;
        private ScheduledFuture<?> deadline;
        private Thread thread;

        private Entry(String id, JobWork work) {
            this.id = id;
            this.kind = work.kind();
            this.work = work;
            AtomicLong bits = new AtomicLong();
            // Workers report from several threads, possibly out of order: keep the largest, so the
            // progress a page sees never goes back. Non-negative doubles order like their bits.
            this.job = Job.reporting(fraction -> bits.accumulateAndGet(Double.doubleToLongBits(fraction), Math::max));
            this.progressBits = bits;
        }

        State state() {
            return state;
        }

        /** The fraction done, in [0, 1]; 1 once done. */
        double progress() {
            return state == State.DONE ? 1 : Double.longBitsToDouble(progressBits.get());
        }

        /** Seconds computed so far, or in all once ended. */
        double seconds() {
            long end = state == State.RUNNING ? System.nanoTime() : endNanos;
            return (end - startNanos) / 1e9;
        }

        /** Why it was (or is being) cancelled, or null. */
        Stop stop() {
            return stop.get();
        }

        /** The answer as JSON text, once done. */
        String result() {
            return result;
        }

        /** What went wrong, once failed. */
        ErrorMapping.Problem problem() {
            return problem;
        }

        private void cancel(Stop why) {
            if (state == State.RUNNING && stop.compareAndSet(null, why)) {
                job.cancel();
            }
        }

        private void end(State ended, String answer, ErrorMapping.Problem failure) {
            result = answer;
            problem = failure;
            endNanos = System.nanoTime();
            if (ended == State.CANCELLED) {
                stop.compareAndSet(null, Stop.REQUEST);
            }
            state = ended;
        }
    }

    private final Limits.Jobs limits;
    private final PrintStream log;
    private final ThreadFactory threads;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor timer;
    private final SecureRandom random = new SecureRandom();
    private boolean closed;

    public Jobs(Limits.Jobs limits, PrintStream log) {
        this(limits, log, work -> Thread.ofPlatform().daemon(true).unstarted(work));
    }

    /** With {@code threads} making each job's thread (tests make it fail). */
    Jobs(Limits.Jobs limits, PrintStream log, ThreadFactory threads) {
        this.limits = limits;
        this.log = log;
        this.threads = threads;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "losslab-job-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // A job that ends early cancels its deadline; do not keep the dead alarm for a minute.
        timer.setRemoveOnCancelPolicy(true);
    }

    Limits.Jobs limits() {
        return limits;
    }

    /** "60 s", "0.2 s": a duration as the API's messages say it. */
    static String seconds(long millis) {
        return Numbers.brief(millis / 1000.0) + " s";
    }

    /**
     * Starts computing {@code work} in the background.
     *
     * @throws ApiException 429 when {@link Limits.Jobs#maxRunning()} jobs are running already
     * @throws IllegalStateException (a 500) when no thread could be started for it; nothing is kept
     */
    synchronized Entry submit(JobWork work) {
        if (closed) {
            throw ApiException.unavailable("the server is shutting down");
        }
        purge();
        if (running() >= limits.maxRunning()) {
            int most = limits.maxRunning();
            throw ApiException.tooManyRequests(most + (most == 1 ? " job is" : " jobs are")
                    + " already running, the most at once (each uses every core); wait for one to finish, or cancel one"
                    + " with DELETE /api/jobs/ID");
        }
        String id;
        do {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (entries.containsKey(id));
        Entry entry = new Entry(id, work);
        entries.put(id, entry);
        entry.deadline = timer.schedule(() -> entry.cancel(Stop.TIME_LIMIT), limits.maxMillis(), TimeUnit.MILLISECONDS);
        try {
            Thread thread = Objects.requireNonNull(threads.newThread(() -> compute(entry, work)), "no thread made");
            thread.setName("losslab-job-" + id);
            thread.start();
            entry.thread = thread;
        } catch (RuntimeException | Error cannotStart) { // e.g. OutOfMemoryError: unable to create native thread
            entries.remove(id);
            entry.deadline.cancel(false);
            throw new IllegalStateException("could not start a thread for " + work.kind() + " job " + id, cannotStart);
        }
        return entry;
    }

    private void compute(Entry entry, JobWork work) {
        try {
            String answer = ApiJson.WRITER.writeValueAsString(work.compute(entry.job));
            entry.end(State.DONE, answer, null);
        } catch (CancellationException cancelled) {
            entry.end(State.CANCELLED, null, null);
        } catch (Throwable thrown) {
            entry.end(State.FAILED, null, ErrorMapping.report(thrown, log, "in " + entry.kind + " job " + entry.id));
        } finally {
            entry.deadline.cancel(false);
            synchronized (this) {
                purge();
            }
        }
    }

    /**
     * The job {@code id}.
     *
     * @throws ApiException 404 when there is no such job (never was, or expired)
     */
    synchronized Entry get(String id) {
        purge();
        Entry entry = entries.get(id);
        if (entry == null) {
            String shown = id.length() <= 40 ? id : id.substring(0, 37) + "…";
            throw ApiException.notFound("id", "no job '" + shown + "'; finished jobs are kept for "
                    + seconds(limits.keepMillis()) + " (at most " + limits.maxKept() + " of them)");
        }
        return entry;
    }

    /**
     * Cancels job {@code id} if it is running (it stops at its next check and then reads as
     * cancelled), or forgets it if it has ended. Returns it as it is now.
     */
    synchronized Entry cancel(String id) {
        Entry entry = get(id);
        if (entry.state() == State.RUNNING) {
            entry.cancel(Stop.REQUEST);
        } else {
            entries.remove(id);
        }
        return entry;
    }

    /** How many jobs are computing now (cancelled ones included until they have stopped). */
    synchronized int running() {
        return (int) entries.values().stream().filter(e -> e.state() == State.RUNNING).count();
    }

    /** Drops finished jobs kept longer than keepMillis, then the oldest beyond maxKept. */
    private void purge() {
        long now = System.nanoTime();
        long keep = TimeUnit.MILLISECONDS.toNanos(limits.keepMillis());
        entries.values().removeIf(e -> e.state() != State.RUNNING && now - e.endNanos > keep);
        List<Entry> ended = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state() != State.RUNNING) {
                ended.add(e);
            }
        }
        if (ended.size() > limits.maxKept()) {
            ended.sort(Comparator.comparingLong(e -> e.endNanos));
            ended.subList(0, ended.size() - limits.maxKept()).forEach(e -> entries.remove(e.id));
        }
    }

    /**
     * Cancels every running job and waits, up to {@link #CLOSE_WAIT} in all, for their threads to
     * end; new jobs are refused.
     */
    @Override
    public void close() {
        List<Thread> computing = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Entry e : entries.values()) {
                if (e.state() == State.RUNNING) {
                    e.cancel(Stop.SHUTDOWN);
                    computing.add(e.thread);
                }
            }
            timer.shutdownNow();
        }
        // Outside the lock: an ending job takes it to purge.
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Thread thread : computing) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
