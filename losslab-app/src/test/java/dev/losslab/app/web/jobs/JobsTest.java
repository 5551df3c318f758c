package dev.losslab.app.web.jobs;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.ErrorMapping;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.maps.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Jobs} and {@link JobsEndpoint}'s answers, with work the test steers unit by unit
 * ({@link SteeredWork}), so each state is reached on purpose, whatever the machine: progress,
 * cancel (running while the work still runs, then cancelled), the time limit, the cap on running
 * jobs, how long finished jobs are kept, a thread that cannot start, and shutting down. Waits poll
 * with a generous bound; no assertion depends on how fast anything runs.
 */
class JobsTest {

    /** Far more than any wait here needs on a loaded machine; reached only when something is wrong. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final List<Jobs> opened = new ArrayList<>();
    private final List<SteeredWork> works = new ArrayList<>();

    /**
     * Work of {@code units} units spread over the cores by {@link Job#forEachUnit}, as the maps' work
     * is. A unit ends, counted done, when the test hands it a permit; a unit that sees the job
     * cancelled first waits until the test lets it go, then ends (not counted). Its answer is
     * {@code {"units": N}}.
     */
    static final class SteeredWork implements JobWork {

        private final int units;
        private final Semaphore permits = new Semaphore(0);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final AtomicInteger holding = new AtomicInteger();
        private final AtomicInteger started = new AtomicInteger();

        SteeredWork(int units) {
            this.units = units;
        }

        /** Lets {@code n} more units end, done. */
        void finishUnits(int n) {
            permits.release(n);
        }

        /** Lets the units that saw the cancel end (at once, for those that see it later). */
        void letGo() {
            letGo.countDown();
        }

        /** Units that have begun (and may be waiting for a permit). */
        int started() {
            return started.get();
        }

        /** Units that saw the cancel and wait to be let go. */
        int holding() {
            return holding.get();
        }

        void release() {
            permits.release(1 << 20);
            letGo.countDown();
        }

        @Override
        public String kind() {
            return "steered";
        }

        @Override
        public ObjectNode compute(Job job) {
            job.forEachUnit(units, i -> {
                started.incrementAndGet();
                try {
                    while (!permits.tryAcquire(2, MILLISECONDS)) {
                        if (job.isCancelled()) {
                            holding.incrementAndGet();
                            letGo.await();
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            });
            ObjectNode answer = JsonViews.object();
            answer.put("units", units);
            return answer;
        }
    }

    @AfterEach
    void releaseAndClose() {
        works.forEach(SteeredWork::release);
        opened.forEach(Jobs::close);
    }

    private Jobs jobs(Limits.Jobs limits) {
        return jobs(limits, work -> Thread.ofPlatform().daemon(true).unstarted(work));
    }

    private Jobs jobs(Limits.Jobs limits, ThreadFactory threads) {
        Jobs jobs = new Jobs(limits, new PrintStream(logged, true, StandardCharsets.UTF_8), threads);
        opened.add(jobs);
        return jobs;
    }

    private SteeredWork work(int units) {
        SteeredWork work = new SteeredWork(units);
        works.add(work);
        return work;
    }

    /** Work whose units, once the job is cancelled, end at once. */
    private SteeredWork stopping(int units) {
        SteeredWork work = work(units);
        work.letGo();
        return work;
    }

    /** The answer of GET /api/jobs/ID (or DELETE with {@code delete}), as a client reads it. */
    private static JsonNode answer(Jobs jobs, String id, boolean delete) {
        JobsEndpoint endpoint = new JobsEndpoint(jobs, Limits.DEFAULT, java.util.Map.of());
        Request request = new Request(delete ? "DELETE" : "GET", JobsEndpoint.PREFIX + id, QueryParams.parse(null), new byte[0]);
        Reply reply = delete ? endpoint.cancel(request) : endpoint.show(request);
        try {
            return ApiJson.READER.readTree(ApiJson.WRITER.writeValueAsBytes(((Reply.Json) reply).body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void waitForEnd(Jobs.Entry job) {
        waitFor(() -> job.state() != Jobs.State.RUNNING, "job " + job.id + " to end");
    }

    @Test
    void aJobReportsEachUnitDoneAndEndsWithItsAnswer() {
        Jobs jobs = jobs(Limits.DEFAULT.jobs());
        SteeredWork work = work(4);
        Jobs.Entry job = jobs.submit(work);
        JsonNode started = answer(jobs, job.id, false);
        assertThat(started.get("id").asText()).isEqualTo(job.id).matches("[0-9a-f]{16}");
        assertThat(started.get("kind").asText()).isEqualTo("steered");
        assertThat(started.get("state").asText()).isEqualTo("running");
        assertThat(started.get("progress").asDouble()).isZero();
        assertThat(started.has("result")).isFalse();
        for (int k = 1; k <= 3; k++) {
            work.finishUnits(1);
            double expected = k / 4.0;
            waitFor(() -> job.progress() == expected, expected + " done");
            JsonNode status = answer(jobs, job.id, false);
            assertThat(status.get("state").asText()).isEqualTo("running");
            assertThat(status.get("progress").asDouble()).isEqualTo(expected);
        }
        work.finishUnits(1);
        waitForEnd(job);
        JsonNode done = answer(jobs, job.id, false);
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("result")).isEqualTo(JsonViews.object().put("units", 4));
        assertThat(jobs.running()).isZero();
        // A DELETE that comes just after the end forgets the job, and its answer is the last word:
        // the result too.
        JsonNode forgotten = answer(jobs, job.id, true);
        assertThat(forgotten.get("state").asText()).isEqualTo("done");
        assertThat(forgotten.get("result")).isEqualTo(done.get("result"));
        assertThatThrownBy(() -> jobs.get(job.id)).isInstanceOf(ApiException.class);
    }

    @Test
    void aCancelledJobRunsUntilItsWorkHasStoppedThenReadsCancelledAndItsProgressStaysPut() {
        Jobs jobs = jobs(Limits.DEFAULT.jobs());
        SteeredWork work = work(8);
        Jobs.Entry job = jobs.submit(work);
        work.finishUnits(2);
        waitFor(() -> job.progress() == 0.25, "two units of eight done");
        // A third unit under way before the cancel: on a loaded machine the next units may not have
        // begun when it is asked, and a unit that never began never sees it (the test waited a minute).
        waitFor(() -> work.started() > 2, "a third unit under way");

        JsonNode asked = answer(jobs, job.id, true);
        assertThat(asked.get("state").asText()).isEqualTo("running");
        assertThat(asked.get("cancelling").asBoolean()).isTrue();
        waitFor(() -> work.holding() > 0, "a unit under way to see the cancel");
        // A unit under way still runs: the job still runs, and holds its slot.
        JsonNode stopping = answer(jobs, job.id, false);
        assertThat(stopping.get("state").asText()).isEqualTo("running");
        assertThat(stopping.get("cancelling").asBoolean()).isTrue();
        assertThat(jobs.running()).isEqualTo(1);

        work.letGo();
        waitForEnd(job);
        JsonNode cancelled = answer(jobs, job.id, false);
        assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("reason").asText()).isEqualTo("request");
        assertThat(cancelled.get("message").asText()).isEqualTo("cancelled on request");
        assertThat(cancelled.has("result")).isFalse();
        assertThat(cancelled.has("cancelling")).isFalse();
        assertThat(cancelled.get("progress").asDouble()).as("the units that ended after the cancel do not count").isEqualTo(0.25);
        assertThat(jobs.running()).isZero();
        work.release();
        assertThat(answer(jobs, job.id, false).get("progress").asDouble()).isEqualTo(0.25);

        // DELETE on a job that has ended forgets it.
        assertThat(answer(jobs, job.id, true).get("state").asText()).isEqualTo("cancelled");
        assertThatThrownBy(() -> jobs.get(job.id)).isInstanceOf(ApiException.class).hasMessageStartingWith("no job '" + job.id + "'");
    }

    @Test
    void aJobPastItsTimeLimitIsCancelledAndSaysWhy() {
        Jobs jobs = jobs(new Limits.Jobs(2, 16, 50, 300_000));
        Jobs.Entry job = jobs.submit(stopping(4));
        waitForEnd(job);
        JsonNode status = answer(jobs, job.id, false);
        assertThat(status.get("state").asText()).isEqualTo("cancelled");
        assertThat(status.get("reason").asText()).isEqualTo("time-limit");
        assertThat(status.get("message").asText()).isEqualTo("stopped after 0.05 s, the longest one job may compute;"
                + " ask for a smaller grid, fewer values, fewer runs or fewer steps");
        assertThat(jobs.running()).isZero();
        assertThat(Jobs.Stop.TIME_LIMIT.message(Limits.DEFAULT.jobs())).startsWith("stopped after 60 s, ");
    }

    @Test
    void theFirstReasonToStopIsTheOneReported() {
        Jobs jobs = jobs(new Limits.Jobs(2, 16, 1, 300_000));
        SteeredWork work = work(4);
        Jobs.Entry job = jobs.submit(work);
        waitFor(() -> job.stop() != null, "the time limit");
        jobs.cancel(job.id);
        work.letGo();
        waitForEnd(job);
        assertThat(job.state()).isEqualTo(Jobs.State.CANCELLED);
        assertThat(job.stop()).isEqualTo(Jobs.Stop.TIME_LIMIT);
    }

    @Test
    void atMostMaxRunningJobsRunAndAFreedSlotTakesANewOne() {
        Jobs jobs = jobs(new Limits.Jobs(2, 16, 60_000, 300_000));
        Jobs.Entry one = jobs.submit(stopping(2));
        jobs.submit(work(2));
        assertThatThrownBy(() -> jobs.submit(work(2)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429))
                .hasMessage("2 jobs are already running, the most at once (each uses every core); wait for one to finish,"
                        + " or cancel one with DELETE /api/jobs/ID");
        jobs.cancel(one.id);
        waitForEnd(one);
        assertThat(jobs.submit(work(2)).state()).isEqualTo(Jobs.State.RUNNING);
    }

    @Test
    void finishedJobsAreKeptOnlySoMany() {
        Jobs jobs = jobs(new Limits.Jobs(2, 2, 60_000, 300_000));
        List<Jobs.Entry> ended = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            SteeredWork work = work(1);
            work.finishUnits(1);
            Jobs.Entry job = jobs.submit(work);
            waitForEnd(job);
            ended.add(job);
        }
        assertThatThrownBy(() -> jobs.get(ended.get(0).id)).as("the oldest went").isInstanceOf(ApiException.class);
        assertThat(jobs.get(ended.get(1).id).state()).isEqualTo(Jobs.State.DONE);
        assertThat(jobs.get(ended.get(2).id).state()).isEqualTo(Jobs.State.DONE);
    }

    @Test
    void finishedJobsAreKeptOnlySoLong() {
        Jobs jobs = jobs(new Limits.Jobs(2, 16, 60_000, 1));
        SteeredWork work = work(1);
        work.finishUnits(1);
        Jobs.Entry job = jobs.submit(work);
        waitFor(() -> {
            try {
                jobs.get(job.id);
                return false;
            } catch (ApiException gone) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.field()).isEqualTo("id");
                assertThat(gone).hasMessage("no job '" + job.id + "'; finished jobs are kept for 0.001 s (at most 16 of them)");
                return true;
            }
        }, "the finished job to expire");
        assertThat(job.state()).isEqualTo(Jobs.State.DONE);
    }

    @Test
    void aJobWhoseThreadCannotStartIsAnInternalErrorAndHoldsNoSlot() {
        AtomicBoolean fail = new AtomicBoolean(true);
        Jobs jobs = jobs(new Limits.Jobs(2, 16, 60_000, 300_000), work -> {
            if (fail.getAndSet(false)) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
            }
            return Thread.ofPlatform().daemon(true).unstarted(work);
        });
        assertThatThrownBy(() -> jobs.submit(work(1)))
                .isInstanceOfSatisfying(IllegalStateException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(OutOfMemoryError.class);
                    assertThat(ErrorMapping.of(e).status()).isEqualTo(500);
                })
                .hasMessageContaining("could not start a thread for steered job");
        assertThat(jobs.running()).isZero();
        // Both slots are free.
        jobs.submit(work(1));
        jobs.submit(work(1));
        assertThat(jobs.running()).isEqualTo(2);
    }

    @Test
    void closingCancelsEveryJobAndWaitsForItsWorkToStop() {
        Jobs jobs = jobs(Limits.DEFAULT.jobs());
        Jobs.Entry job = jobs.submit(stopping(4));
        jobs.close();
        assertThat(job.state()).as("ended by the time close returns").isEqualTo(Jobs.State.CANCELLED);
        assertThat(job.stop()).isEqualTo(Jobs.Stop.SHUTDOWN);
        assertThatThrownBy(() -> jobs.submit(work(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    /** Work of kind {@code kind} that throws {@code thrown}. */
    private static JobWork failing(String kind, RuntimeException thrown) {
        return new JobWork() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public ObjectNode compute(Job job) {
                throw thrown;
            }
        };
    }

    @Test
    void aFailedJobSaysWhatWentWrongWithItsStatus() {
        Jobs jobs = jobs(Limits.DEFAULT.jobs());
        Jobs.Entry bad = jobs.submit(failing("broken", new dev.losslab.core.InvalidInputException("steps", "steps must be at most 5, got 6")));
        waitForEnd(bad);
        JsonNode error = answer(jobs, bad.id, false).get("error");
        assertThat(error.get("error").asText()).isEqualTo("steps must be at most 5, got 6");
        assertThat(error.get("field").asText()).isEqualTo("steps");
        assertThat(error.get("status").asInt()).isEqualTo(400);

        Jobs.Entry bug = jobs.submit(failing("buggy", new IllegalStateException("a bug")));
        waitForEnd(bug);
        JsonNode failed = answer(jobs, bug.id, false);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("status").asInt()).isEqualTo(500);
        assertThat(failed.get("error").get("error").asText()).isEqualTo(ErrorMapping.INTERNAL_ERROR);
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("losslab serve: internal error in buggy job " + bug.id + ": java.lang.IllegalStateException: a bug");
    }
}
