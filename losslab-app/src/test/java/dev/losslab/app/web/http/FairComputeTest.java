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

    /** Submits a task that records its name (the first one also waits for the release) and waits until it is queued or running. */
    private Future<String> submit(FairCompute compute, String client, String name, int waitingAfter) throws Exception {
        Future<String> answer = callers.submit(() -> compute.call(client, () -> {
            ran.add(name);
            release.await();
            return name;
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (compute.waitingCount() != waitingAfter && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(compute.waitingCount()).isEqualTo(waitingAfter);
        return answer;
    }

    @Test
    void aClientWithOneTaskDoesNotWaitBehindAnotherClientsQueue() throws Exception {
        var compute = new FairCompute(1, 16);
        var first = submit(compute, "10.0.0.1", "a0", 0); // runs, holding the only thread
        while (ran.isEmpty()) {
            Thread.sleep(1);
        }
        submit(compute, "10.0.0.1", "a1", 1);
        submit(compute, "10.0.0.1", "a2", 2);
        submit(compute, "10.0.0.1", "a3", 3);
        var other = submit(compute, "10.0.0.2", "b1", 4);
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
        submit(compute, "10.0.0.1", "a0", 0);
        while (ran.isEmpty()) {
            Thread.sleep(1);
        }
        submit(compute, "10.0.0.1", "a1", 1);
        submit(compute, "10.0.0.1", "a2", 2);

        assertThatThrownBy(() -> compute.call("10.0.0.1", () -> "a3"))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.status()).isEqualTo(429))
                .hasMessageContaining("2 computations waiting");
        // Another client still gets in line.
        submit(compute, "10.0.0.2", "b1", 3);
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
