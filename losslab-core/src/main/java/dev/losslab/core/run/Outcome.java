package dev.losslab.core.run;

/**
 * How one run inside a map or sweep ended: the runner's stop reason, the updates taken, and the
 * last point (its coordinates and loss). The trajectory itself is not kept.
 */
public record Outcome(StopReason stop, int steps, double x, double y, double loss) {

    public boolean converged() {
        return stop instanceof StopReason.Converged;
    }

    public boolean diverged() {
        return stop instanceof StopReason.Diverged;
    }
}
