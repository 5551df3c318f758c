package dev.losslab.app.web.http;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes requests on a few platform threads, taking turns between clients: a client that queues
 * twenty basin maps delays another client's one map by at most one map per thread, not twenty, and
 * may not queue more than {@code maxWaitingPerClient} (429 beyond).
 *
 * <p>Why platform threads: requests run on virtual threads, which are never preempted. Computing on
 * them (a basin map on every core) kept the few carrier threads busy, and quick calls waited half a
 * second for one. Waiting here unmounts the virtual thread instead.
 *
 * <p>How the turns work: each submitted task is put in its client's queue and one "run the next
 * task" is handed to the pool; the pool runs as many of those as tasks were submitted, and each
 * takes the head of the next client's queue in rotation. A client is its network address, so the
 * programs on one machine share one turn.
 */
final class FairCompute {

    private final ThreadPoolExecutor threads;
    private final int maxWaitingPerClient;
    /** Waiting tasks by client, in the order the clients take their turns. Guarded by itself. */
    private final LinkedHashMap<String, ArrayDeque<FutureTask<?>>> waiting = new LinkedHashMap<>();

    FairCompute(int threadCount, int maxWaitingPerClient) {
        this.maxWaitingPerClient = maxWaitingPerClient;
        AtomicInteger made = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "losslab-compute-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} when {@code client}'s turn comes and waits for its answer, throwing what it
     * threw. An interrupted caller cancels its task (and interrupts it if it has started).
     *
     * @throws ApiException 429 when the client already has {@code maxWaitingPerClient} tasks waiting
     */
    <T> T call(String client, Callable<T> work) throws Exception {
        var task = new FutureTask<>(work);
        synchronized (waiting) {
            var queue = waiting.computeIfAbsent(client, any -> new ArrayDeque<>());
            if (queue.size() >= maxWaitingPerClient) {
                throw ApiException.tooManyRequests("this client already has " + maxWaitingPerClient
                        + " computations waiting; wait for their answers before asking for more");
            }
            queue.add(task);
        }
        threads.execute(this::runNext);
        try {
            return task.get();
        } catch (InterruptedException stopping) {
            task.cancel(true);
            throw stopping;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    /** How many tasks wait for their turn (tests wait on it to queue in a known order). */
    int waitingCount() {
        synchronized (waiting) {
            return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    private void runNext() {
        FutureTask<?> next;
        synchronized (waiting) {
            Iterator<Map.Entry<String, ArrayDeque<FutureTask<?>>>> turns = waiting.entrySet().iterator();
            Map.Entry<String, ArrayDeque<FutureTask<?>>> first = turns.next();
            next = first.getValue().poll();
            turns.remove();
            if (!first.getValue().isEmpty()) {
                waiting.put(first.getKey(), first.getValue()); // to the back of the rotation
            }
        }
        next.run(); // a cancelled task does nothing
        Thread.interrupted(); // a late cancel(true) must not leave this pool thread interrupted
    }
}
