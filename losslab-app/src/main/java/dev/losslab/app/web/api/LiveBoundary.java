package dev.losslab.app.web.api;

import dev.losslab.core.net.DecisionMap;
import dev.losslab.core.net.Objective;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.function.Supplier;

/**
 * One training racer's decision boundary while it trains, for the job's polls: the racer's thread
 * publishes a copy of θ now and then ({@link #reached}), and a poll traces the latest copy
 * ({@link #traced}), once per copy however many polls ask.
 * <p>
 * A copy is taken at the first step, then at most every {@code copyEveryNanos}, and when the racer
 * ends ({@link #ended}: its last finite θ, also when it diverged, stopped early or was cancelled), so
 * a racer that stops while the others train shows where it stopped, not where it was last copied. A
 * poll comes every 200 ms or so: copying more often would make garbage for pictures nobody sees. The
 * copy is never written after it is published, so the poller reads it without a lock.
 */
final class LiveBoundary {

    /** How often the racer's thread copies θ: twice per page poll (the page polls every 200 ms). */
    static final long COPY_EVERY_NANOS = 100_000_000L;
    /** The finest grid traced while training: a quarter of the final one's points, a few ms for a small net. */
    static final int MAX_GRID = 61;
    /** The coarsest grid worth tracing (live or final): below it the boundary is too jagged to tell optimizers apart. */
    static final int MIN_GRID = 21;
    /**
     * Grid points × parameters a poll may spend on all racers' boundaries: about 0.6–2 ns each
     * (measured, one core: 2-16-16-1 at 2 ns, 2-256-256-1 at 0.65 ns), so 1.5–4 ms a poll.
     */
    static final double POLL_BUDGET = 2e6;
    /**
     * Beyond this many products even the coarsest grid would hold each poll up (about 7 ms at the big
     * networks' 0.65 ns, more on a busy machine): no live boundary, the answer's only. Four racers of
     * 2-64-64-1 (4,417 weights each) or one of 2-128-128-1 (17,025) still have one; 2-256-256-1 not.
     */
    static final double POLL_CAP = 1e7;

    /** θ at one step, copied: read-only once published. */
    record Snapshot(int step, double[] theta) {}

    /** The boundary traced from one snapshot: polylines {@code [x0, y0, x1, y1, …]} in input units. */
    record Traced(int step, List<double[]> lines) {}

    private final Supplier<Objective> objectives;
    private final Window window;
    private final int grid;
    private final long copyEveryNanos;

    /** The latest copy; written by the racer's thread only. */
    private volatile Snapshot latest;
    /** When the racer's thread took the latest copy (its own field: no other thread reads it). */
    private long copiedAt;

    // the poll side, under this object's lock: two polls at once trace once
    private Objective objective;
    private Snapshot tracedFrom;
    private Traced traced;

    /**
     * @param objectives     makes the objective the polls trace with, once, when first needed: the
     *                       racer's own holds scratch its thread writes
     * @param window         the data's window, as the final boundary's
     * @param grid           points per side ({@link #grid(int, int)})
     * @param copyEveryNanos least time between two copies while training
     */
    LiveBoundary(Supplier<Objective> objectives, Window window, int grid, long copyEveryNanos) {
        this.objectives = objectives;
        this.window = window;
        this.grid = grid;
        this.copyEveryNanos = copyEveryNanos;
    }

    /**
     * The grid a poll traces each racer's boundary on: as fine as {@link #POLL_BUDGET} lets for this
     * many racers of this size, within {@link #MIN_GRID} … {@link #MAX_GRID}; 0 when even the coarsest
     * costs more than {@link #POLL_CAP} (the boundary then comes with the answer only).
     */
    static int grid(int racers, int parameters) {
        double perPoint = (double) racers * parameters;
        int grid = gridWithin(POLL_BUDGET, perPoint, MAX_GRID);
        return grid * (double) grid * perPoint > POLL_CAP ? 0 : grid;
    }

    /**
     * The most points per side, up to {@code most}, whose grid costs at most {@code budget} products
     * at {@code perPoint} products a point, and at least {@link #MIN_GRID} whatever it costs.
     */
    static int gridWithin(double budget, double perPoint, int most) {
        return (int) Math.min(most, Math.max(MIN_GRID, Math.floor(Math.sqrt(budget / perPoint))));
    }

    /** From the racer's thread at each step: θ_step, read during the call only. */
    void reached(int step, double[] theta) {
        long now = System.nanoTime();
        if (latest == null || now - copiedAt >= copyEveryNanos) {
            copiedAt = now;
            latest = new Snapshot(step, theta.clone());
        }
    }

    /** From the racer's thread when it stops: its last step reached and θ there, read during the call only. */
    void ended(int step, double[] theta) {
        Snapshot last = latest;
        if (last == null || last.step() != step) {
            latest = new Snapshot(step, theta.clone());
        }
    }

    /** The boundary at the latest copy of θ, traced now unless it was for this copy; null before the first step. */
    synchronized Traced traced() {
        Snapshot snapshot = latest;
        if (snapshot == null) {
            return null;
        }
        if (snapshot != tracedFrom) {
            if (objective == null) {
                objective = objectives.get();
            }
            traced = new Traced(snapshot.step(), DecisionMap.of(objective, snapshot.theta(), window, grid).boundary());
            tracedFrom = snapshot;
        }
        return traced;
    }
}
