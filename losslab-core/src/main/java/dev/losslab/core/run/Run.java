package dev.losslab.core.run;

import dev.losslab.core.surface.Minimum;
import java.util.Optional;

/**
 * A finished run: what was asked, every point visited, why it stopped, which known minimum (if
 * any) it ended at, and the evaluations of f and ∇f it cost in all: the last point's counts, plus
 * what a last step that stopped the run without moving spent (a failed line search's trials).
 */
public record Run(RunSpec spec, Trajectory trajectory, StopReason stopReason, Optional<Minimum> minimumReached,
        long functionEvaluations, long gradientEvaluations) {

    /** Updates taken (the last point's step number). */
    public int steps() {
        return trajectory.size() - 1;
    }

    public Trajectory.Point last() {
        return trajectory.last();
    }

    /**
     * Where it ended: at minimum k, near one, at a saddle or maximum, … ({@link Destinations}; a
     * noisy run by where a clean run from its last point settles, which this runs).
     */
    public EndPoint endPoint() {
        return Destinations.of(spec.landscape()).classify(spec, stopReason, last().x(), last().y());
    }
}
