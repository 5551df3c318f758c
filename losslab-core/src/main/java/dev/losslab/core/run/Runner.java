package dev.losslab.core.run;

import dev.losslab.core.surface.Vec2;
import java.util.concurrent.CancellationException;

/**
 * Runs an optimizer from a start until it converges, diverges, cannot step, or uses up its steps,
 * keeping every point: a batch of one through the {@link Engine}, whose class comment states the
 * rules.
 */
public final class Runner {

    /** |loss| beyond this counts as diverged. */
    public static final double LOSS_LIMIT = 1e12;
    /** |x| or |y| beyond this counts as diverged. */
    public static final double COORDINATE_LIMIT = 1e6;

    /**
     * A run looks at its thread's interrupt flag every 4096 steps (a cheap read) and stops with a
     * {@link CancellationException} when it is set: how a server bounds the time one request takes.
     * (The engine offers a look every 256 steps; one in sixteen is taken.)
     */
    private static final int INTERRUPT_CHECK_MASK = 4095;

    private Runner() {}

    public static Run run(RunSpec spec) {
        return run(spec, Recording.POINTS);
    }

    /**
     * A run that also keeps what {@code recording} asks for: with {@link Recording#INTERNALS}, the
     * trajectory's {@link Trajectory#internals()} holds the optimizer's state after each step.
     */
    public static Run run(RunSpec spec, Recording recording) {
        Trajectory points = new Trajectory(spec.maxSteps() + 1);
        Internals internals = recording == Recording.INTERNALS ? new Internals() : null;
        if (internals != null) {
            points.recordInternals(internals);
        }
        Outcomes ended = Engine.trace(spec, (step, theta, loss, gradient, lr, stepper, fEvals, gEvals) -> {
            points.add(theta[0], theta[1], loss, gradient[0], gradient[1], lr, fEvals, gEvals);
            if (internals != null && step > 0) {
                internals.at(step);
                stepper.describe(0, 1, internals);
            }
        }, step -> {
            if (((int) step & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the run was interrupted after " + step + " steps");
            }
        });
        var reached = spec.landscape().minimumReachedFrom(
                new Vec2(points.last().x(), points.last().y()));
        return new Run(spec, points, ended.stop(0), reached, ended.functionEvaluations(0), ended.gradientEvaluations(0));
    }
}
