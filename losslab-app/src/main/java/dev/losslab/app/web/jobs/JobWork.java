package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.core.maps.Job;

/**
 * Work a background job ({@link Jobs}) computes: its kind, as the job reports it, and the answer.
 * The maps' work ({@link MapWork}) is one; tests give {@link Jobs} work they control.
 */
public interface JobWork {

    /** The kind the job reports ({@code basins}, {@code sweep}, …). */
    String kind();

    /**
     * Computes the answer. Reports progress to and checks {@code job}; when it throws, it has
     * stopped computing (the core's work spreads its units with {@code Job.forEachUnit}, which
     * waits for them).
     *
     * @throws java.util.concurrent.CancellationException when the job is cancelled or the thread interrupted
     */
    ObjectNode compute(Job job);

    /**
     * What the answer looks like so far, while {@link #compute} runs (a training race's curves), for
     * each poll to carry; null for work that has nothing to show before it is done. Called from
     * another thread than compute's, so it must read what compute writes safely; keep it small, as
     * every poll carries it again.
     */
    default ObjectNode partial() {
        return null;
    }
}
