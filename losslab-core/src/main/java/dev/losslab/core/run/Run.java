package dev.losslab.core.run;

import dev.losslab.core.surface.Minimum;
import java.util.Optional;

/**
 * A finished run: what was asked, every point visited, why it stopped, and which known minimum
 * (if any) it ended at.
 */
public record Run(RunSpec spec, Trajectory trajectory, StopReason stopReason, Optional<Minimum> minimumReached) {

    /** Updates taken (the last point's step number). */
    public int steps() {
        return trajectory.size() - 1;
    }

    public Trajectory.Point last() {
        return trajectory.last();
    }
}
