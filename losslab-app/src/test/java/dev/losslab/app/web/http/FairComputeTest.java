package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clients take turns on the compute threads, each may queue only so much, and failures reach the caller. */
class FairComputeTest {

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    /** Submits a task that records its name and waits for the release; returns once it runs. */
    private Future<String> submitRunning(FairCompute compute, String client, String name) throws Exception {
        Future<String> answer = submitTask(compute, client, name);
        awaitTrue(() -> ran.contains(name));
        return answer;
    }

    /**
     * Submits a task and returns once {@code waitingAfter} tasks wait. (Waiting for a count that is
     * already true before the caller has queued, as for a task that will run at once, would race.)
     */
    private Future<String> submitWaiting(FairCompute compute, String client, String name, int waitingAfter) throws Exception {
        Future<String> answer = submitTask(compute, client, name);
        awaitTrue(() -> compute.waitingCount() == waitingAfter);
        return answer;
    }

    private Future<String> submitTask(FairCompute compute, String client, String name) {
        return callers.submit(() -> compute.call(client, () -> {
            ran.add(name);
            release.await();
            return name;
        }));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    @Test
    void aClientWithOneTaskDoesNotWaitBehindAnotherClientsQueue() throws Exception {
        var compute = new FairCompute(1, 16);
        var first = submitRunning(compute, "10.0.0.1", "a0"); // holds the only thread
        submitWaiting(compute, "10.0.0.1", "a1", 1);
        submitWaiting(compute, "10.0.0.1", "a2", 2);
        submitWaiting(compute, "10.0.0.1", "a3", 3);
        var other = submitWaiting(compute, "10.0.0.2", "b1", 4);
        release.countDown();

        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("b1");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a0");
        while (ran.size() < 5) {
            Thread.sleep(1);
        }
        // In arrival order b1 would run last; taking turns, it runs after a1 (a's turn had come first).
        assertThat(ran).containsExactly("a0", "a1", "b1", "a2", "a3");
    }

    @Test
    void aClientMayQueueOnlySoMuch() throws Exception {
        var compute = new FairCompute(1, 2);
        submitRunning(compute, "10.0.0.1", "a0");
        submitWaiting(compute, "10.0.0.1", "a1", 1);
        submitWaiting(compute, "10.0.0.1", "a2", 2);

        assertThatThrownBy(() -> compute.call("10.0.0.1", () -> "a3"))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.status()).isEqualTo(429))
                .hasMessageContaining("2 computations waiting");
        // Another client still gets in line.
        submitWaiting(compute, "10.0.0.2", "b1", 3);
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        var compute = new FairCompute(2, 16);
        assertThatThrownBy(() -> compute.call("10.0.0.1", () -> {
            throw ApiException.badRequest("grid", "too big");
        })).isInstanceOf(ApiException.class).hasMessageContaining("too big");
        assertThatThrownBy(() -> compute.call("10.0.0.1", () -> {
            throw new StackOverflowError("deep");
        })).isInstanceOf(StackOverflowError.class);
    }
}
